package dev.stepwise.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * When the soak injects which fault, drawn from the seed before the soak starts: the same seed and
 * options give the same plan. Faults fall in the soak's duration, after a first second; database
 * restarts keep 5 s away from the outage and from each other, so that each one is a restart of a
 * running server.
 */
final class FaultPlan {
  private static final Duration FIRST = Duration.ofSeconds(1);
  private static final Duration RESTART_GAP = Duration.ofSeconds(5);

  private FaultPlan() {}

  enum Kind {
    KILL,
    STOP,
    RESTART_DB,
    OUTAGE
  }

  /**
   * One fault.
   *
   * @param worker the worker's index for KILL and STOP, else -1
   * @param length how long a STOP or an OUTAGE lasts, else zero
   */
  record Fault(Duration at, Kind kind, int worker, Duration length) {}

  static List<Fault> plan(SoakOptions o) {
    Random random = new Random(o.seed());
    long window = Math.max(0, o.duration().minus(FIRST).toMillis());
    List<Fault> faults = new ArrayList<>();
    long outageAt = -1;
    long outageEnd = -1;
    if (!o.outage().isZero() && window > 0) {
      // In the middle half of the soak when it fits, so that runs are in flight before and after.
      long latest = Math.max(0, window * 3 / 4 - o.outage().toMillis());
      long earliest = Math.min(window / 4, latest);
      outageAt = FIRST.toMillis() + earliest + (long) (random.nextDouble() * (latest - earliest));
      outageEnd = outageAt + o.outage().toMillis();
      faults.add(new Fault(Duration.ofMillis(outageAt), Kind.OUTAGE, -1, o.outage()));
    }
    List<Long> restarts = new ArrayList<>();
    for (int i = 0; i < o.restarts() && window > 0; i++) {
      for (int tries = 0; tries < 1000; tries++) {
        long at = FIRST.toMillis() + (long) (random.nextDouble() * window);
        if (clear(at, restarts, outageAt, outageEnd)) {
          restarts.add(at);
          faults.add(new Fault(Duration.ofMillis(at), Kind.RESTART_DB, -1, Duration.ZERO));
          break;
        }
      }
    }
    for (int i = 0; i < o.kills() && window > 0; i++) {
      long at = FIRST.toMillis() + (long) (random.nextDouble() * window);
      faults.add(
          new Fault(Duration.ofMillis(at), Kind.KILL, random.nextInt(o.workers()), Duration.ZERO));
    }
    for (int i = 0; i < o.stops() && window > 0; i++) {
      long at = FIRST.toMillis() + (long) (random.nextDouble() * window);
      // Longer than the lease, so that other nodes take the stopped one's steps over.
      long length = (long) (o.lease().toMillis() * (1.5 + 1.5 * random.nextDouble()));
      faults.add(
          new Fault(
              Duration.ofMillis(at),
              Kind.STOP,
              random.nextInt(o.workers()),
              Duration.ofMillis(length)));
    }
    faults.sort(Comparator.comparing(Fault::at));
    return List.copyOf(faults);
  }

  private static boolean clear(long at, List<Long> restarts, long outageAt, long outageEnd) {
    long gap = RESTART_GAP.toMillis();
    if (outageAt >= 0 && at > outageAt - gap && at < outageEnd + gap) {
      return false;
    }
    return restarts.stream().allMatch(r -> Math.abs(r - at) >= gap);
  }

  static long count(List<Fault> plan, Kind kind) {
    return plan.stream().filter(f -> f.kind() == kind).count();
  }
}

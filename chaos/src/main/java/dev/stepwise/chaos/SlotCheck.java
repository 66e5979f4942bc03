package dev.stepwise.chaos;

import dev.stepwise.chaos.WorkerJvm.Frozen;
import dev.stepwise.chaos.WorkerJvm.Life;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The global limit of the soak's queue, checked from the intervals its steps recorded themselves
 * ({@code soak_slots}), across all worker JVMs: a sweep over the intervals' ends finds the most
 * executions alive at one instant.
 *
 * <p>An execution is alive from its recorded start to its recorded end. One whose JVM was killed
 * has no end: it is alive until the kill (the soak notes the time just after kill -9 returned), not
 * after, though the engine counts its slot until its lease expires. One whose JVM was stopped
 * (SIGSTOP) for at least a lease is alive until the stop: the engine may take its lease back and
 * hand its slot to another execution meanwhile; what it does once continued, until its recorded
 * end, is a <em>zombie remainder</em>, counted apart ({@link Result#maxWithZombies()}), because no
 * lease can stop a frozen process from going on once it is continued. A stop shorter than a lease
 * does not cut the interval. An execution without an end on a JVM that still runs is <em>open</em>:
 * alive until the check, and a problem of its own.
 */
final class SlotCheck {
  private SlotCheck() {}

  /** An execution of a limited step, as it recorded itself. */
  record SlotRow(
      String runId, String stepId, int attempt, String node, Instant started, Instant ended) {
    String describe() {
      return String.format(
          "%s/%s attempt %d on %s from %s to %s",
          runId, stepId, attempt, node, started, ended == null ? "(no end)" : ended);
    }
  }

  /**
   * What the check found.
   *
   * @param limit the queue's concurrency limit
   * @param executions rows recorded
   * @param ended executions that recorded their end (and were not frozen for a lease meanwhile)
   * @param killed executions without an end whose JVM was killed: alive until the kill
   * @param frozen executions cut by a stop of a lease or more: alive until the stop
   * @param open executions without an end on a JVM that still ran at the check
   * @param maxAlive the most executions alive at one instant
   * @param maxAt the first instant with {@code maxAlive} executions alive
   * @param atMax the executions alive then, described
   * @param atLimit how long at least {@code limit} executions were alive, in total
   * @param maxWithZombies the most at one instant when zombie remainders count too
   * @param zombieAt the first instant with {@code maxWithZombies}, if that exceeds the limit
   * @param atZombieMax the executions alive then, described, if that exceeds the limit
   * @param endedSteps {@code <run id>/<step id>} of each execution that recorded its end
   */
  record Result(
      int limit,
      int executions,
      int ended,
      int killed,
      int frozen,
      int open,
      int maxAlive,
      Instant maxAt,
      List<String> atMax,
      Duration atLimit,
      int maxWithZombies,
      Instant zombieAt,
      List<String> atZombieMax,
      Set<String> endedSteps) {

    boolean exceeded() {
      return maxAlive > limit;
    }
  }

  /** One stretch of an execution's life. */
  private record Interval(SlotRow row, Instant from, Instant to) {}

  static Result check(
      List<SlotRow> rows, Map<String, Life> lives, Duration lease, int limit, Instant now) {
    List<Interval> alive = new ArrayList<>();
    List<Interval> zombies = new ArrayList<>();
    int ended = 0;
    int killed = 0;
    int frozen = 0;
    int open = 0;
    Set<String> endedSteps = new HashSet<>();
    for (SlotRow r : rows) {
      Life life = lives.get(r.node());
      Instant end = r.ended();
      if (end != null) {
        endedSteps.add(r.runId() + "/" + r.stepId());
      } else if (life != null && life.ended() != null) {
        end = life.ended();
        killed++;
      } else {
        end = now;
        open++;
      }
      Frozen cut = life == null ? null : firstLongStop(life, r.started(), end, lease);
      if (cut == null) {
        if (r.ended() != null) {
          ended++;
        }
        alive.add(new Interval(r, r.started(), end));
        continue;
      }
      if (r.ended() != null) {
        frozen++;
      }
      alive.add(new Interval(r, r.started(), cut.from()));
      if (cut.to() != null && r.ended() != null && r.ended().isAfter(cut.to())) {
        zombies.add(new Interval(r, cut.to(), r.ended()));
      }
    }
    Sweep main = sweep(alive, limit);
    List<Interval> all = new ArrayList<>(alive);
    all.addAll(zombies);
    Sweep withZombies = sweep(all, limit);
    boolean zombiesExceed = withZombies.max > limit;
    return new Result(
        limit,
        rows.size(),
        ended,
        killed,
        frozen,
        open,
        main.max,
        main.maxAt,
        main.atMax,
        main.atLimit,
        withZombies.max,
        zombiesExceed ? withZombies.maxAt : null,
        zombiesExceed ? withZombies.atMax : List.of(),
        endedSteps);
  }

  /**
   * The rows as CSV lines with a header, each with the end of its JVM: evidence to read when the
   * check fails, kept in the soak's directory after the cluster is gone.
   */
  static List<String> csv(List<SlotRow> rows, Map<String, Life> lives) {
    List<String> lines = new ArrayList<>();
    lines.add("run_id,step_id,attempt,node,started_at,ended_at,node_ended_at,node_frozen");
    for (SlotRow r : rows) {
      Life life = lives.get(r.node());
      String frozen =
          life == null
              ? ""
              : String.join(
                  " ",
                  life.frozen().stream()
                      .map(f -> f.from() + "/" + (f.to() == null ? "" : f.to()))
                      .toList());
      lines.add(
          String.join(
              ",",
              r.runId(),
              r.stepId(),
              Integer.toString(r.attempt()),
              r.node(),
              r.started().toString(),
              r.ended() == null ? "" : r.ended().toString(),
              life == null || life.ended() == null ? "" : life.ended().toString(),
              frozen));
    }
    return lines;
  }

  /** The first stop of at least a lease that began inside [from, to], or null. */
  private static Frozen firstLongStop(Life life, Instant from, Instant to, Duration lease) {
    for (Frozen f : life.frozen()) {
      boolean inside = !f.from().isBefore(from) && !f.from().isAfter(to);
      boolean atStart = f.from().isBefore(from) && (f.to() == null || f.to().isAfter(from));
      Instant thawed = f.to() == null ? life.ended() : f.to();
      boolean lasting = thawed == null || Duration.between(f.from(), thawed).compareTo(lease) >= 0;
      if (atStart) {
        // Started while stopped: cannot happen, the row was written by the JVM; keep it whole.
        continue;
      }
      if (inside && lasting) {
        return f;
      }
    }
    return null;
  }

  private static final class Sweep {
    int max;
    Instant maxAt;
    List<String> atMax = List.of();
    Duration atLimit = Duration.ZERO;
  }

  /**
   * The most intervals covering one instant. At equal times an end comes before a start: an end is
   * recorded before the engine frees the slot, and a start after it claimed one.
   */
  private static Sweep sweep(List<Interval> intervals, int limit) {
    record Point(Instant at, boolean start, Interval interval) {}
    List<Point> points = new ArrayList<>();
    for (Interval i : intervals) {
      Instant to = i.to().isBefore(i.from()) ? i.from() : i.to();
      points.add(new Point(i.from(), true, i));
      points.add(new Point(to, false, i));
    }
    points.sort(Comparator.comparing(Point::at).thenComparing(p -> p.start() ? 1 : 0));
    Sweep s = new Sweep();
    Set<Interval> current = new LinkedHashSet<>();
    Instant limitSince = null;
    for (Point p : points) {
      if (p.start()) {
        current.add(p.interval());
        if (current.size() > s.max) {
          s.max = current.size();
          s.maxAt = p.at();
          s.atMax = current.stream().map(i -> i.row().describe()).toList();
        }
        if (current.size() == limit && limitSince == null) {
          limitSince = p.at();
        }
      } else {
        current.remove(p.interval());
        if (current.size() < limit && limitSince != null) {
          s.atLimit = s.atLimit.plus(Duration.between(limitSince, p.at()));
          limitSince = null;
        }
      }
    }
    return s;
  }
}

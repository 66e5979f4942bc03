package dev.stepwise.chaos;

import dev.stepwise.chaos.FaultPlan.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries out a {@link FaultPlan} on the workers and the database, on one thread, so that no two
 * faults act at once; it also restarts a worker that exited without being killed, and counts it.
 */
final class FaultInjector {
  private final PgCluster pg;
  private final List<WorkerJvm> workers;
  private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1);
  private final AtomicInteger kills = new AtomicInteger();
  private final AtomicInteger stops = new AtomicInteger();
  private final AtomicInteger dbRestarts = new AtomicInteger();
  private final AtomicInteger outages = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();
  private final List<String> exits = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private volatile Instant started;

  FaultInjector(PgCluster pg, List<WorkerJvm> workers) {
    this.pg = pg;
    this.workers = workers;
    // Once the fault period is over, planned faults that did not happen yet never do.
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    thread.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
  }

  /** What happened, for the report. */
  record Tally(
      int kills,
      int stops,
      int dbRestarts,
      int outages,
      int skipped,
      List<String> unexpectedExits,
      List<String> errors) {}

  void start(List<Fault> plan) {
    started = Instant.now();
    for (Fault f : plan) {
      thread.schedule(
          () -> guarded(f.toString(), () -> inject(f)), f.at().toMillis(), TimeUnit.MILLISECONDS);
    }
    thread.scheduleWithFixedDelay(
        () -> guarded("watching the workers", this::reviveExited), 500, 500, TimeUnit.MILLISECONDS);
  }

  private void inject(Fault f) {
    Soak.say("%s: %s", elapsed(), describe(f));
    switch (f.kind()) {
      case KILL:
        WorkerJvm w = workers.get(f.worker());
        w.kill();
        kills.incrementAndGet();
        w.start();
        break;
      case STOP:
        WorkerJvm s = workers.get(f.worker());
        int generation = s.pause();
        if (generation < 0) {
          skipped.incrementAndGet();
          return;
        }
        stops.incrementAndGet();
        thread.schedule(
            () -> guarded("SIGCONT " + s.name(), () -> s.resume(generation)),
            f.length().toMillis(),
            TimeUnit.MILLISECONDS);
        break;
      case RESTART_DB:
        if (!pg.isUp()) {
          skipped.incrementAndGet();
          return;
        }
        pg.restartImmediately();
        dbRestarts.incrementAndGet();
        break;
      case OUTAGE:
        if (!pg.isUp()) {
          skipped.incrementAndGet();
          return;
        }
        pg.stopImmediately();
        outages.incrementAndGet();
        thread.schedule(
            () ->
                guarded(
                    "the end of the outage",
                    () -> {
                      Soak.say("%s: the outage ends, pg_ctl start", elapsed());
                      pg.start();
                    }),
            f.length().toMillis(),
            TimeUnit.MILLISECONDS);
        break;
      default:
        throw new IllegalArgumentException("unknown fault " + f);
    }
  }

  private String describe(Fault f) {
    switch (f.kind()) {
      case KILL:
        return "kill -9 " + workers.get(f.worker()).name() + ", and start it again";
      case STOP:
        return "SIGSTOP " + workers.get(f.worker()).name() + " for " + Format.duration(f.length());
      case RESTART_DB:
        return "pg_ctl restart -m immediate";
      default:
        return "database outage of " + Format.duration(f.length());
    }
  }

  /** Restarts any worker that ended without being killed by the soak, and records its exit. */
  void reviveExited() {
    for (WorkerJvm w : workers) {
      Integer code = w.exitedOnItsOwn();
      if (code != null) {
        synchronized (exits) {
          exits.add(
              w.name() + " exited with " + code + " at " + elapsed() + " (see " + w.log() + ")");
        }
        w.start();
      }
    }
  }

  /**
   * Ends the fault period: planned faults not yet due are dropped, then every stopped worker gets
   * SIGCONT and a database still in its outage is started, so that the runs can drain.
   */
  void finish() throws InterruptedException {
    thread.shutdown();
    if (!thread.awaitTermination(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("a fault is still being injected after 5 minutes");
    }
    for (WorkerJvm w : workers) {
      w.resumeIfStopped();
    }
    if (!pg.isUp()) {
      pg.start();
    }
    reviveExited();
  }

  Tally tally() {
    synchronized (exits) {
      return new Tally(
          kills.get(),
          stops.get(),
          dbRestarts.get(),
          outages.get(),
          skipped.get(),
          List.copyOf(exits),
          List.copyOf(errors));
    }
  }

  private void guarded(String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // A fault that could not be injected is reported, and the soak goes on.
      synchronized (exits) {
        errors.add(what + " at " + elapsed() + ": " + e.getMessage());
      }
    }
  }

  private String elapsed() {
    return started == null ? "?" : Format.duration(Duration.between(started, Instant.now()));
  }
}

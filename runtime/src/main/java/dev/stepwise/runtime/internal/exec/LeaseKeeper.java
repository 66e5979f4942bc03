package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.observe.Observers;
import dev.stepwise.runtime.internal.store.TaskQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the leases of the steps this node executes alive (one batched UPDATE every lease/3) and
 * returns expired leases of dead nodes to the queue (every lease/2, and once at start-up).
 */
public final class LeaseKeeper {
  private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);
  private final OutageLog heartbeats = new OutageLog(log, "Extending leases");
  private final OutageLog sweeps = new OutageLog(log, "Sweeping expired leases");

  private final TaskQueue queue;
  private final InFlight inFlight;
  private final PutBacks putBacks;
  private final DispatchSignal dispatch;
  private final EngineConfig config;
  private final Clock clock;
  private final Observers observers;
  private ScheduledExecutorService timer;
  // Read by health checks on other threads: when this node last extended its leases.
  private volatile Instant renewedAt;

  public LeaseKeeper(
      TaskQueue queue,
      InFlight inFlight,
      PutBacks putBacks,
      DispatchSignal dispatch,
      EngineConfig config,
      Clock clock,
      Observers observers) {
    this.observers = observers;
    this.queue = queue;
    this.inFlight = inFlight;
    this.putBacks = putBacks;
    this.dispatch = dispatch;
    this.config = config;
    this.clock = clock;
  }

  public synchronized void start() {
    if (timer != null) {
      return;
    }
    sweep();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "stepwise-leases-" + config.nodeId());
              t.setDaemon(true);
              return t;
            });
    long heartbeat = Math.max(10, config.lease().toMillis() / 3);
    long sweep = Math.max(10, config.lease().toMillis() / 2);
    timer.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    timer.scheduleAtFixedRate(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
  }

  /**
   * Stops the heartbeat and the sweeper, letting a round in progress finish (at most the database
   * timeout): not interrupted, since on H2 a thread interrupted inside file I/O closes the file's
   * channel under the whole database ("Reading from file ... failed" on the next statement, seen
   * when an engine was closed and another opened on the same pool).
   */
  public void stop() {
    ScheduledExecutorService stopping;
    synchronized (this) {
      stopping = timer;
      timer = null;
    }
    if (stopping == null) {
      return;
    }
    stopping.shutdown(); // the periodic rounds are cancelled; a running one goes on
    try {
      if (!stopping.awaitTermination(config.databaseTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("A lease round was still running after {}", config.databaseTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** When the last heartbeat round succeeded; null before the first one. */
  public Instant renewedAt() {
    return renewedAt;
  }

  /**
   * Extends the leases of the steps this node executes now, by the clock's new time: called when
   * the engine's clock jumped, so that the sweeper (of this node or another) does not take back a
   * step that is still running here because its lease looks expired by a time that was skipped.
   */
  public void extendNow() {
    heartbeat();
  }

  // Both catch every Throwable: an exception that escapes a task of a ScheduledExecutorService
  // cancels its later runs, and a node without heartbeats loses every lease.
  private void heartbeat() {
    try {
      putBacks.retry();
      queue.extendLeases(
          config.nodeId(), clock.instant().plus(config.lease()), inFlight.snapshot());
      renewedAt = clock.instant();
      heartbeats.succeeded();
    } catch (Throwable e) {
      heartbeats.failed(e); // steps are taken over by other nodes if this lasts a lease
    }
  }

  private void sweep() {
    try {
      int n = queue.sweepExpired(clock.instant());
      if (n > 0) {
        log.info("Re-queued {} step(s) whose lease expired", n);
        observers.leasesExpired(n);
        dispatch.workQueued();
      }
      sweeps.succeeded();
    } catch (Throwable e) {
      sweeps.failed(e);
    }
  }
}

package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.commit.RunChanges;
import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.Registry;
import dev.stepwise.runtime.internal.model.Signal;
import dev.stepwise.runtime.internal.model.StepKey;
import dev.stepwise.runtime.internal.store.TimerRows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable timers: a step with {@code @After(delay)} is inserted {@code WAITING} with its due time
 * in {@code wait_until}; this class's thread moves due rows to {@code PENDING} (one conditional
 * UPDATE under the run lock, so of several nodes exactly one fires a timer) and wakes the
 * dispatcher. It sleeps until the earliest due time it knows of, re-reading that time from the
 * database now and then for timers other nodes created; nothing waits in memory.
 */
public final class TimerQueue implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(TimerQueue.class);
  private final OutageLog outages = new OutageLog(log, "Firing due timers");

  private final TimerRows rows;
  private final Registry registry;
  private final DispatchSignal dispatch;
  private final RunChanges changes;
  private final EngineConfig config;
  private final Clock clock;
  private final Signal signal = new Signal();
  private final AtomicReference<Instant> nextDue = new AtomicReference<>();
  private final LoopThread loop;

  public TimerQueue(
      TimerRows rows,
      Registry registry,
      DispatchSignal dispatch,
      RunChanges changes,
      EngineConfig config,
      Clock clock) {
    this.rows = rows;
    this.registry = registry;
    this.dispatch = dispatch;
    this.changes = changes;
    this.config = config;
    this.clock = clock;
    this.loop = new LoopThread("stepwise-timers-" + config.nodeId(), this, signal::raise);
  }

  public void start() {
    loop.start();
  }

  public void stop() throws InterruptedException {
    loop.stop(LoopThread.joinTimeout(config.pollInterval()));
  }

  /** A timer is due at {@code due}: wake up then rather than at the next re-read. */
  public void wakeAt(Instant due) {
    noteDue(due);
    signal.raise();
  }

  /** The clock jumped: fire what became due, and compute the next wait by the new time. */
  public void wake() {
    signal.raise();
  }

  private void noteDue(Instant due) {
    nextDue.accumulateAndGet(due, (a, b) -> a == null || b.isBefore(a) ? b : a);
  }

  @Override
  public void run() {
    loop.repeat(this::fireDue, outages, () -> signal.await(nextWait()));
  }

  /** Fires every due timer of the workflows registered here; returns how many it fired. */
  int fireDue() {
    Set<String> workflows = registry.names();
    if (workflows.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    int fired = 0;
    List<StepKey> due;
    do {
      due = rows.due(now, workflows);
      for (StepKey timer : due) {
        if (fire(timer.runId(), timer.stepId(), now)) {
          fired++;
        }
      }
    } while (due.size() == TimerRows.BATCH && loop.running());
    if (fired > 0) {
      dispatch.workQueued();
    }
    // The next due time, including timers other nodes created.
    rows.nextDue(workflows).ifPresent(this::noteDue); // noted, not raised: raising would spin
    return fired;
  }

  private boolean fire(String runId, String stepId, Instant now) {
    boolean fired = rows.fire(runId, stepId, now);
    if (fired) {
      log.debug("Timer of step {} of run {} fired", stepId, runId);
      changes.changed(runId);
    }
    return fired;
  }

  private Duration nextWait() {
    // Re-read at least this often: other nodes create timers this node has not been told of.
    Duration wait =
        config.pollInterval().compareTo(Duration.ofSeconds(1)) > 0
            ? config.pollInterval()
            : Duration.ofSeconds(1);
    Instant due = nextDue.getAndSet(null);
    if (due != null) {
      Duration untilDue = Duration.between(clock.instant(), due);
      if (untilDue.isNegative() || untilDue.isZero()) {
        return Duration.ZERO;
      }
      if (untilDue.compareTo(wait) < 0) {
        wait = untilDue;
      }
    }
    return wait;
  }
}

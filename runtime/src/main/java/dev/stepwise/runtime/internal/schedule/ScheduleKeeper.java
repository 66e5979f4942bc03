package dev.stepwise.runtime.internal.schedule;

import dev.stepwise.runtime.internal.exec.LoopThread;
import dev.stepwise.runtime.internal.exec.OutageLog;
import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.Signal;
import dev.stepwise.runtime.internal.schedule.ScheduleBook.Declared;
import dev.stepwise.runtime.internal.store.ScheduleRows;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's schedule thread: stores the schedules of the workflows registered here when the
 * engine starts, then sleeps until the earliest next tick it knows and fires what is due. It
 * re-reads the earliest next tick from the table after every round and wakes at least once per
 * lease, for ticks that other nodes moved (a resume, changed code).
 */
public final class ScheduleKeeper implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ScheduleKeeper.class);
  private final OutageLog outages = new OutageLog(log, "Firing due schedules");

  private final ScheduleRows rows;
  private final ScheduleBook book = new ScheduleBook();
  private final TickFiring firing;
  private final EngineConfig config;
  private final Clock clock;
  private final Signal signal = new Signal();
  private final AtomicReference<Instant> nextDue = new AtomicReference<>();
  private final LoopThread loop;
  private boolean started;

  public ScheduleKeeper(ScheduleRows rows, EngineConfig config, Clock clock) {
    this.rows = rows;
    this.firing = new TickFiring(rows, book);
    this.config = config;
    this.clock = clock;
    this.loop = new LoopThread("stepwise-schedules-" + config.nodeId(), this, signal::raise);
  }

  /** The pause, resume and trigger calls on the same rows and registered schedules. */
  public ScheduleControl control() {
    return new ScheduleControl(rows, book, this::wakeAt, clock);
  }

  /** A workflow's schedules, checked and parsed, not registered yet. */
  public static final class Checked {
    private final List<Declared> schedules;

    private Checked(List<Declared> schedules) {
      this.schedules = schedules;
    }
  }

  /**
   * Checks the schedules of a workflow being registered: a {@code StepwiseException} that names the
   * schedule and its problem. Call it before anything else registers the workflow, so that a
   * refusal leaves nothing registered.
   */
  public Checked check(WorkflowDefinition definition) {
    return new Checked(book.check(definition));
  }

  /**
   * Registers the checked schedules, whose runs {@code client} starts; stored at once if the engine
   * runs already.
   */
  public synchronized void add(Checked checked, WorkflowClient client) {
    book.add(checked.schedules, client);
    if (started) {
      declare(checked.schedules);
    }
  }

  /** Stores every schedule registered so far, then starts the thread. */
  public synchronized void start() {
    declare(book.all());
    started = true;
    loop.start();
  }

  public void stop() throws InterruptedException {
    loop.stop(LoopThread.joinTimeout(config.pollInterval()));
  }

  private void declare(Collection<Declared> declared) {
    Instant now = clock.instant();
    for (Declared d : declared) {
      Instant first = d.ticks().nextAfter(now).orElse(null);
      if (rows.declare(d.name(), d.workflow(), d.spec().cron(), d.spec().zone(), first)) {
        log.info("Schedule {} ({} in {}) stored", d.name(), d.spec().cron(), d.spec().zone());
      }
      if (first != null) {
        wakeAt(first);
      }
    }
  }

  /** A schedule's next tick is {@code due}: wake then rather than at the next re-read. */
  void wakeAt(Instant due) {
    nextDue.accumulateAndGet(due, (a, b) -> a == null || b.isBefore(a) ? b : a);
    signal.raise();
  }

  /**
   * The clock jumped: fire the ticks that became due, and compute the next wait by the new time.
   */
  public void wake() {
    signal.raise();
  }

  @Override
  public void run() {
    loop.repeat(this::fireDue, outages, () -> signal.await(nextWait()));
  }

  /** Fires every due schedule known here, then notes the earliest next tick in the table. */
  void fireDue() {
    Set<String> names = book.names();
    if (names.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    for (String name : rows.due(names, now)) {
      try {
        if (book.find(name).map(d -> firing.fire(d, now)).orElse(false)) {
          log.debug("Schedule {} fired at {}", name, now);
        }
      } catch (RuntimeException e) {
        // One failing schedule (its workflow's store refused the input, say) must not keep the
        // others from firing; it is tried again after a poll interval.
        outages.failed(e);
      }
    }
    // Noted, not raised: raising would spin. Other nodes' changes are seen here too.
    rows.earliestNextTick(names).ifPresent(t -> nextDue.accumulateAndGet(t, ScheduleKeeper::min));
  }

  private static Instant min(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private Duration nextWait() {
    Duration wait = config.lease();
    Instant due = nextDue.getAndSet(null);
    if (due == null) {
      return wait;
    }
    Duration untilDue = Duration.between(clock.instant(), due);
    if (untilDue.isNegative() || untilDue.isZero()) {
      // Still due after a round: another node holds its row, or firing it failed. Looking again
      // at once would spin until that node commits or the failure passes.
      return config.pollInterval().compareTo(wait) < 0 ? config.pollInterval() : wait;
    }
    return untilDue.compareTo(wait) < 0 ? untilDue : wait;
  }
}

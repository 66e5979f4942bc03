package dev.stepwise.runtime.internal.exec;

import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.RunRepository.odt;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.db.tables.records.SwStepsRecord;
import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.Registry;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Signal;
import dev.stepwise.runtime.internal.observe.RunWaiters;
import dev.stepwise.runtime.internal.store.RunRepository;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.InsertSetStep;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
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
  private static final int BATCH = 100;

  private final RunRepository repo;
  private final Registry registry;
  private final Dispatcher dispatcher;
  private final RunWaiters waiters;
  private final EngineConfig config;
  private final Clock clock;
  private final Signal signal = new Signal();
  private final AtomicReference<Instant> nextDue = new AtomicReference<>();
  private volatile boolean running;
  private Thread thread;

  public TimerQueue(
      RunRepository repo,
      Registry registry,
      Dispatcher dispatcher,
      RunWaiters waiters,
      EngineConfig config,
      Clock clock) {
    this.repo = repo;
    this.registry = registry;
    this.dispatcher = dispatcher;
    this.waiters = waiters;
    this.config = config;
    this.clock = clock;
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this, "stepwise-timers-" + config.nodeId());
    thread.setDaemon(true);
    thread.start();
  }

  public synchronized void stop() throws InterruptedException {
    running = false;
    signal.raise();
    if (thread != null) {
      thread.join(Math.max(1000, config.pollInterval().toMillis() * 2));
    }
  }

  /**
   * Inserts {@code stepIds} of {@code run} as WAITING until their delay has passed, inside the
   * completion transaction {@code tx}.
   */
  public void insertWaiting(
      DSLContext tx, RunRow run, WorkflowGraph graph, List<String> stepIds, Instant now) {
    if (stepIds.isEmpty()) {
      return;
    }
    InsertSetStep<SwStepsRecord> insert = tx.insertInto(SW_STEPS);
    InsertSetMoreStep<SwStepsRecord> rows = null;
    Instant earliest = null;
    for (String stepId : stepIds) {
      Duration delay = graph.step(stepId).orElseThrow().options().delay();
      Instant due = now.plus(delay);
      earliest = earliest == null || due.isBefore(earliest) ? due : earliest;
      InsertSetStep<SwStepsRecord> next = rows == null ? insert : rows.newRecord();
      rows =
          next.set(SW_STEPS.RUN_ID, run.id())
              .set(SW_STEPS.STEP_ID, stepId)
              .set(SW_STEPS.WORKFLOW, run.workflow())
              .set(SW_STEPS.STATUS, Status.WAITING.name())
              .set(SW_STEPS.ATTEMPTS, 0)
              .set(SW_STEPS.NOT_BEFORE, odt(due))
              .set(SW_STEPS.WAIT_UNTIL, odt(due))
              .set(SW_STEPS.VERSION, 0L);
    }
    rows.execute();
    // Waking before the commit is harmless: the thread only reads, and sleeps again.
    wakeAt(earliest);
  }

  /** A timer is due at {@code due}: wake up then rather than at the next re-read. */
  public void wakeAt(Instant due) {
    noteDue(due);
    signal.raise();
  }

  private void noteDue(Instant due) {
    nextDue.accumulateAndGet(due, (a, b) -> a == null || b.isBefore(a) ? b : a);
  }

  @Override
  public void run() {
    while (running) {
      try {
        fireDue();
      } catch (RuntimeException e) {
        log.warn("Firing due timers failed; trying again shortly", e);
      }
      try {
        signal.await(nextWait());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Fires every due timer of the workflows registered here; returns how many it fired. */
  int fireDue() {
    Set<String> workflows = registry.names();
    if (workflows.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    int fired = 0;
    List<Record2<String, String>> due;
    do {
      due = dueQuery(repo.dsl(), now, workflows).fetch();
      for (Record2<String, String> r : due) {
        if (fire(r.value1(), r.value2(), now)) {
          fired++;
        }
      }
    } while (due.size() == BATCH && running);
    if (fired > 0) {
      dispatcher.workQueued();
    }
    // The next due time, including timers other nodes created.
    Optional<OffsetDateTime> next =
        nextDueQuery(repo.dsl(), workflows).fetchOptional(r -> r.value1());
    next.ifPresent(t -> noteDue(t.toInstant())); // noted, not raised: raising would spin
    return fired;
  }

  /** A batch of due WAITING rows of {@code workflows}, earliest first. */
  public static ResultQuery<Record2<String, String>> dueQuery(
      DSLContext dsl, Instant now, Set<String> workflows) {
    return dsl.select(SW_STEPS.RUN_ID, SW_STEPS.STEP_ID)
        .from(SW_STEPS)
        .where(timerDue(now).and(SW_STEPS.WORKFLOW.in(workflows)))
        .orderBy(SW_STEPS.WAIT_UNTIL)
        .limit(BATCH);
  }

  /** The earliest due time among the WAITING rows of {@code workflows}. */
  public static ResultQuery<Record1<OffsetDateTime>> nextDueQuery(
      DSLContext dsl, Set<String> workflows) {
    return dsl.select(DSL.min(SW_STEPS.WAIT_UNTIL))
        .from(SW_STEPS)
        .where(waiting().and(SW_STEPS.WORKFLOW.in(workflows)));
  }

  /** WAITING -> PENDING under the run lock; false if another node fired it first. */
  private boolean fire(String runId, String stepId, Instant now) {
    boolean fired =
        repo.inTransaction(
            tx -> {
              Optional<RunRow> run = repo.lockRun(tx, runId);
              if (run.isEmpty() || run.get().status().isTerminal()) {
                return false; // cancelling the run cancelled the timer too
              }
              int n =
                  tx.update(SW_STEPS)
                      .set(SW_STEPS.STATUS, Status.PENDING.name())
                      .set(SW_STEPS.NOT_BEFORE, odt(now))
                      // wait_until stays: for an event wait, it tells the worker it timed out.
                      .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
                      .where(
                          SW_STEPS
                              .RUN_ID
                              .eq(runId)
                              .and(SW_STEPS.STEP_ID.eq(stepId))
                              .and(timerDue(now)))
                      .execute();
              if (n == 1 && run.get().status() != Status.RUNNING) {
                repo.setRunStatus(tx, runId, Status.RUNNING, now);
              }
              return n == 1;
            });
    if (fired) {
      log.debug("Timer of step {} of run {} fired", stepId, runId);
      waiters.changed(runId);
    }
    return fired;
  }

  private static org.jooq.Condition timerDue(Instant now) {
    // Timers, and deadlines of event waits: both go back to the queue, where the worker tells them
    // apart (an event wait whose deadline passed times out).
    return waiting().and(SW_STEPS.WAIT_UNTIL.le(odt(now)));
  }

  /**
   * The status rendered as a literal, not bound: only then can PostgreSQL use the partial index on
   * WAITING rows (V6) for every execution, generic plans included.
   */
  private static org.jooq.Condition waiting() {
    return SW_STEPS.STATUS.eq(DSL.inline(Status.WAITING.name()));
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

package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.db.tables.records.SwStepsRecord;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.StepKey;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.InsertSetStep;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The SQL of durable timers: a step with {@code @After(delay)}, and the deadline of an event wait,
 * is a {@code WAITING} row with its due time in {@code wait_until}; firing it moves it to {@code
 * PENDING} under its run's lock.
 */
public final class TimerRows {
  /** How many due timers one read returns. */
  public static final int BATCH = 100;

  private final RunStore repo;

  public TimerRows(RunStore repo) {
    this.repo = repo;
  }

  /**
   * Inserts {@code stepIds} of {@code run} as WAITING until their delay has passed, inside the
   * completion transaction {@code tx}; returns the earliest due time, or null if there were none.
   */
  public Instant insertWaiting(
      DSLContext tx, RunRow run, WorkflowGraph graph, List<String> stepIds, Instant now) {
    if (stepIds.isEmpty()) {
      return null;
    }
    InsertSetStep<SwStepsRecord> insert = tx.insertInto(SW_STEPS);
    InsertSetMoreStep<SwStepsRecord> rows = null;
    Instant earliest = null;
    for (String stepId : stepIds) {
      StepSpec spec = graph.step(stepId).orElseThrow();
      Duration delay = spec.options().delay();
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
              .set(SW_STEPS.QUEUE, spec.queueName())
              .set(SW_STEPS.VERSION, 0L);
    }
    rows.execute();
    return earliest;
  }

  /** A batch of due timers of {@code workflows}, earliest first. */
  public List<StepKey> due(Instant now, Set<String> workflows) {
    return dueQuery(repo.dsl(), now, workflows).fetch(r -> new StepKey(r.value1(), r.value2()));
  }

  /** The earliest due time among the WAITING rows of {@code workflows}, including other nodes'. */
  public Optional<Instant> nextDue(Set<String> workflows) {
    return nextDueQuery(repo.dsl(), workflows)
        .fetchOptional(r -> r.value1())
        .map(OffsetDateTime::toInstant);
  }

  /**
   * WAITING -> PENDING under the run lock; false if another node fired it first, or the run is over
   * (cancelling the run cancelled the timer too).
   */
  public boolean fire(String runId, String stepId, Instant now) {
    return repo.inTransaction(
        tx -> {
          Optional<RunRow> run = repo.lockRun(tx, runId);
          if (run.isEmpty() || run.get().status().isTerminal()) {
            return false;
          }
          int n =
              WaitingSteps.wake(
                  tx,
                  SW_STEPS.RUN_ID.eq(runId).and(SW_STEPS.STEP_ID.eq(stepId)).and(timerDue(now)),
                  now);
          if (n == 1 && run.get().status() != Status.RUNNING) {
            repo.setRunStatus(tx, runId, Status.RUNNING, now);
          }
          return Transitions.changedOne(n, "firing the timer of " + runId + "/" + stepId);
        });
  }

  /** The statement of {@link #due} (public for the test of its plan). */
  public static ResultQuery<Record2<String, String>> dueQuery(
      DSLContext dsl, Instant now, Set<String> workflows) {
    return dsl.select(SW_STEPS.RUN_ID, SW_STEPS.STEP_ID)
        .from(SW_STEPS)
        .where(timerDue(now).and(SW_STEPS.WORKFLOW.in(workflows)))
        .orderBy(SW_STEPS.WAIT_UNTIL)
        .limit(BATCH);
  }

  /** The statement of {@link #nextDue} (public for the test of its plan). */
  public static ResultQuery<Record1<OffsetDateTime>> nextDueQuery(
      DSLContext dsl, Set<String> workflows) {
    return dsl.select(DSL.min(SW_STEPS.WAIT_UNTIL))
        .from(SW_STEPS)
        .where(waiting().and(SW_STEPS.WORKFLOW.in(workflows)));
  }

  private static Condition timerDue(Instant now) {
    // Timers, and deadlines of event waits: both go back to the queue, where the worker tells them
    // apart (an event wait whose deadline passed times out).
    return waiting().and(SW_STEPS.WAIT_UNTIL.le(odt(now)));
  }

  /**
   * The status rendered as a literal, not bound: only then can PostgreSQL use the partial index on
   * WAITING rows (V6) for every execution, generic plans included.
   */
  private static Condition waiting() {
    return SW_STEPS.STATUS.eq(DSL.inline(Status.WAITING.name()));
  }
}

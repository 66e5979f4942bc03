package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;

import dev.stepwise.runtime.QueuePlace;
import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepStatus;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Shows why a step has not started: a due PENDING step of a queue, or a step of a run waiting for
 * its workflow's slot, is reported {@link Status#QUEUED} with its queue, key and position. Read
 * with a status, never on the engine's own paths; one count per waiting step.
 */
public final class QueuePlaces {
  private final DSLContext dsl;

  public QueuePlaces(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** {@code status} with its waiting steps' places. */
  public RunStatus annotate(RunStatus status, WorkflowGraph graph, Instant now) {
    boolean runQueued = status.status() == Status.QUEUED;
    List<StepStatus> steps = new ArrayList<>(status.steps().size());
    boolean changed = false;
    for (StepStatus step : status.steps()) {
      Optional<QueuePlace> place = Optional.empty();
      if (runQueued && step.status() == Status.QUEUED) {
        place = runPlace(status);
      } else if (step.status() == Status.PENDING) {
        String queue = graph.step(step.stepId()).map(StepSpec::queueName).orElse(null);
        if (queue != null) {
          place = stepPlace(status.runId(), step.stepId(), queue, now);
        }
      }
      steps.add(place.map(step::queuedAt).orElse(step));
      changed |= place.isPresent();
    }
    if (!changed) {
      return status;
    }
    return new RunStatus(
        status.runId(),
        status.workflow(),
        status.status(),
        steps,
        status.failedStep(),
        status.error(),
        status.createdAt(),
        status.updatedAt());
  }

  /** A due PENDING row of a queue: how many due rows of that queue come before it. */
  private Optional<QueuePlace> stepPlace(String runId, String stepId, String queue, Instant now) {
    var me =
        dsl.select(SW_STEPS.NOT_BEFORE, SW_RUNS.PRIORITY, SW_RUNS.CONCURRENCY_KEY)
            .from(SW_STEPS)
            .join(SW_RUNS)
            .on(SW_RUNS.ID.eq(SW_STEPS.RUN_ID))
            .where(
                SW_STEPS
                    .RUN_ID
                    .eq(runId)
                    .and(SW_STEPS.STEP_ID.eq(stepId))
                    .and(SW_STEPS.STATUS.eq(DSL.inline(Status.PENDING.name())))
                    .and(SW_STEPS.NOT_BEFORE.le(odt(now))))
            .fetchOptional();
    if (me.isEmpty()) {
      return Optional.empty(); // not due yet (a retry's backoff, a debounce): PENDING, not QUEUED
    }
    var notBefore = me.get().value1();
    int priority = me.get().value2();
    Condition ahead =
        SW_RUNS
            .PRIORITY
            .gt(priority)
            .or(SW_RUNS.PRIORITY.eq(priority).and(SW_STEPS.NOT_BEFORE.lt(notBefore)))
            .or(
                SW_RUNS
                    .PRIORITY
                    .eq(priority)
                    .and(SW_STEPS.NOT_BEFORE.eq(notBefore))
                    .and(
                        DSL.row(SW_STEPS.RUN_ID, SW_STEPS.STEP_ID)
                            .lt(DSL.row(DSL.val(runId), DSL.val(stepId)))));
    int before =
        dsl.fetchCount(
            dsl.select(SW_STEPS.RUN_ID)
                .from(SW_STEPS)
                .join(SW_RUNS)
                .on(SW_RUNS.ID.eq(SW_STEPS.RUN_ID))
                .where(
                    SW_STEPS
                        .STATUS
                        .eq(DSL.inline(Status.PENDING.name()))
                        .and(SW_STEPS.QUEUE.eq(queue))
                        .and(SW_STEPS.NOT_BEFORE.le(odt(now)))
                        .and(ahead)));
    return Optional.of(new QueuePlace(queue, me.get().value3(), before + 1));
  }

  /** A QUEUED run: how many queued runs of its workflow come before it. */
  private Optional<QueuePlace> runPlace(RunStatus status) {
    var me =
        dsl.select(SW_RUNS.PRIORITY, SW_RUNS.CREATED_AT, SW_RUNS.CONCURRENCY_KEY)
            .from(SW_RUNS)
            .where(SW_RUNS.ID.eq(status.runId()))
            .fetchOptional();
    if (me.isEmpty()) {
      return Optional.empty();
    }
    int priority = me.get().value1();
    var created = me.get().value2();
    int before =
        dsl.fetchCount(
            SW_RUNS,
            SW_RUNS
                .WORKFLOW
                .eq(status.workflow())
                .and(SW_RUNS.STATUS.eq(DSL.inline(Status.QUEUED.name())))
                .and(
                    SW_RUNS
                        .PRIORITY
                        .gt(priority)
                        .or(SW_RUNS.PRIORITY.eq(priority).and(SW_RUNS.CREATED_AT.lt(created)))
                        .or(
                            SW_RUNS
                                .PRIORITY
                                .eq(priority)
                                .and(SW_RUNS.CREATED_AT.eq(created))
                                .and(SW_RUNS.ID.lt(status.runId())))));
    return Optional.of(
        new QueuePlace(RunGate.lockName(status.workflow()), me.get().value3(), before + 1));
  }
}

package dev.stepwise.runtime.internal.commit;

import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.RunRepository.checkOne;
import static dev.stepwise.runtime.internal.store.RunRepository.fenced;
import static dev.stepwise.runtime.internal.store.RunRepository.odt;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.internal.exec.DefaultStepContext;
import dev.stepwise.runtime.internal.exec.DefaultStepInvocation;
import dev.stepwise.runtime.internal.json.JsonCodec;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.Snapshot;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.store.RunRepository;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bounded loops ({@code repeatUntil}/{@code repeatWhile}). The step's row is the current iteration;
 * when an iteration finishes and the condition asks for another, one transaction records that
 * iteration as a row {@code step#k} (its status, attempts and output) and puts the step's row back
 * in the queue with its attempts reset. The last iteration is the step's row itself, so downstream
 * reads its output; iterations run out at {@code maxIterations}, which fails the step.
 */
public final class LoopProgress {
  private LoopProgress() {}

  /** The iteration {@code task} executes: one more than the iterations recorded. */
  public static int iteration(RunRepository repo, Task task) {
    return 1
        + repo.dsl()
            .fetchCount(
                SW_STEPS,
                SW_STEPS
                    .RUN_ID
                    .eq(task.runId())
                    .and(SW_STEPS.STEP_ID.startsWith(task.stepId() + "#")));
  }

  /**
   * What iteration {@code iteration} of a loop step, which returned {@code outputJson}, means:
   * done, another iteration, or a failure once the iterations ran out.
   */
  public static Outcome afterIteration(
      WorkflowDefinition definition,
      StepSpec spec,
      Task task,
      Snapshot snapshot,
      String outputJson,
      int iteration,
      DefaultStepContext ctx,
      JsonCodec codec)
      throws Exception {
    // The condition reads this iteration's output through @From of the step itself.
    Map<String, String> outputs = new HashMap<>(snapshot.outputs());
    outputs.put(spec.id(), outputJson);
    Snapshot after =
        new Snapshot(snapshot.graphVersion(), snapshot.runStatus(), snapshot.input(), outputs);
    boolean holds =
        definition.evaluateCondition(
            spec.options().loopCondition(), new DefaultStepInvocation(codec, after, task, ctx));
    boolean again = spec.options().loopUntil() != holds;
    if (!again) {
      return new Outcome.Succeeded(outputJson);
    }
    if (iteration >= spec.options().maxIterations()) {
      String kind = spec.options().loopUntil() ? "repeatUntil" : "repeatWhile";
      String verdict = spec.options().loopUntil() ? "still false" : "still true";
      return new Outcome.Failed(
          new StepError(
              StepwiseException.class.getName(),
              "Loop step \""
                  + spec.id()
                  + "\" ran its maxIterations of "
                  + spec.options().maxIterations()
                  + " and its "
                  + kind
                  + " condition \""
                  + spec.options().loopCondition()
                  + "\" is "
                  + verdict,
              null));
    }
    return new Outcome.Repeat(outputJson, iteration);
  }

  /**
   * Records the iteration and queues the next, fenced on the lease; false if the lease was lost. A
   * run that finished meanwhile records the iteration as the step's result and goes no further.
   */
  static boolean repeat(
      RunRepository repo, Task task, String owner, Outcome.Repeat repeat, Instant now) {
    return repo.inTransaction(
        tx -> {
          Optional<RunRow> run = repo.lockRun(tx, task.runId());
          if (run.isEmpty()) {
            return false;
          }
          boolean finished = run.get().status().isTerminal();
          int n =
              tx.update(SW_STEPS)
                  .set(SW_STEPS.STATUS, finished ? Status.SUCCEEDED.name() : Status.PENDING.name())
                  .set(SW_STEPS.OUTPUT, finished ? repeat.outputJson() : null)
                  .set(SW_STEPS.ATTEMPTS, finished ? SW_STEPS.ATTEMPTS : org.jooq.impl.DSL.val(0))
                  .set(SW_STEPS.NOT_BEFORE, odt(now))
                  .set(SW_STEPS.ERROR_TYPE, (String) null)
                  .set(SW_STEPS.ERROR_MESSAGE, (String) null)
                  .set(SW_STEPS.ERROR_STACK, (String) null)
                  .set(SW_STEPS.RESUME_PAYLOAD, (String) null)
                  .set(SW_STEPS.LEASE_OWNER, (String) null)
                  .set(SW_STEPS.LEASE_UNTIL, (OffsetDateTime) null)
                  .set(SW_STEPS.FINISHED_AT, finished ? odt(now) : null)
                  .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
                  .where(fenced(task, owner))
                  .execute();
          if (checkOne(n, task) == 0 || finished) {
            return n == 1;
          }
          tx.insertInto(SW_STEPS)
              .set(SW_STEPS.RUN_ID, task.runId())
              .set(SW_STEPS.STEP_ID, Ids.iterationId(task.stepId(), repeat.iteration()))
              .set(SW_STEPS.WORKFLOW, task.workflow())
              .set(SW_STEPS.STATUS, Status.SUCCEEDED.name())
              .set(SW_STEPS.ATTEMPTS, task.attempt())
              .set(SW_STEPS.NOT_BEFORE, odt(now))
              .set(SW_STEPS.OUTPUT, repeat.outputJson())
              .set(SW_STEPS.FINISHED_AT, odt(now))
              .set(SW_STEPS.VERSION, 0L)
              .execute();
          return true;
        });
  }
}

package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.internal.exec.DefaultStepContext;
import dev.stepwise.runtime.internal.exec.DefaultStepInvocation;
import dev.stepwise.runtime.internal.json.JsonCodec;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.Snapshot;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.progress.LoopDecision;
import dev.stepwise.runtime.internal.store.LoopRows;
import dev.stepwise.runtime.internal.store.RunRepository;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import java.time.Instant;
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
    return 1 + LoopRows.iterations(repo.dsl(), task);
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
    return LoopDecision.afterIteration(spec, holds, outputJson, iteration);
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
          if (run.get().status().isTerminal()) {
            return LoopRows.succeed(tx, task, owner, repeat.outputJson(), now);
          }
          if (!LoopRows.requeue(tx, task, owner, now)) {
            return false;
          }
          LoopRows.insertIteration(tx, task, repeat.iteration(), repeat.outputJson(), now);
          return true;
        });
  }
}

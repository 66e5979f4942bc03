package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.store.LoopRows;
import dev.stepwise.runtime.internal.store.RunStore;
import java.time.Instant;
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
  public static int iteration(RunStore repo, Task task) {
    return 1 + LoopRows.iterations(repo.dsl(), task);
  }

  /**
   * The output iteration {@code iteration - 1} of {@code task}'s step recorded, for a {@code
   * Previous} parameter: read from its {@code step#k} row, which committed with the requeue that
   * started this iteration, so a restart or another node reads the same.
   */
  public static String previousOutput(RunStore repo, Task task, int iteration) {
    return LoopRows.output(repo.dsl(), task, iteration - 1);
  }

  /**
   * Records the iteration and queues the next, fenced on the lease; false if the lease was lost. A
   * run that finished meanwhile records the iteration as the step's result and goes no further.
   */
  static boolean repeat(
      RunStore repo, Task task, String owner, Outcome.Repeat repeat, Instant now) {
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

package dev.stepwise.runtime.internal;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.ChainWrites.Result;
import dev.stepwise.runtime.internal.Rows.NewStep;
import dev.stepwise.runtime.internal.Rows.RunRow;
import dev.stepwise.runtime.internal.Rows.StepRow;
import dev.stepwise.runtime.internal.Rows.Task;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * {@link ChainWrites} as jOOQ statements in one transaction, for any database (H2 in particular,
 * where a statement costs no network round trip).
 */
final class PortableChainWrites implements ChainWrites {
  private final RunRepository repo;

  PortableChainWrites(RunRepository repo) {
    this.repo = repo;
  }

  @Override
  public boolean finishAnnounces() {
    return false;
  }

  @Override
  public void start(RunRow run, NewStep root, Instant now) {
    repo.inTransaction(
        tx -> {
          repo.insertRun(tx, run);
          repo.insertSteps(tx, List.of(root), now);
          return null;
        });
  }

  @Override
  public Result advance(Task task, String owner, String output, NewStep next, Instant now) {
    return repo.inTransaction(
        tx -> {
          Optional<RunRow> run = record(tx, task, owner, output, now);
          if (run.isEmpty()) {
            return Result.LEASE_LOST;
          }
          if (run.get().status().isTerminal()) {
            return Result.RUN_OVER;
          }
          repo.insertSteps(tx, List.of(next), now);
          if (run.get().status() != Status.RUNNING) {
            repo.setRunStatus(tx, task.runId(), Status.RUNNING, now);
          }
          return Result.ADVANCED;
        });
  }

  @Override
  public Result finish(Task task, String owner, String output, Instant now) {
    return repo.inTransaction(
        tx -> {
          Optional<RunRow> run = record(tx, task, owner, output, now);
          if (run.isEmpty()) {
            return Result.LEASE_LOST;
          }
          if (run.get().status().isTerminal()) {
            return Result.RUN_OVER;
          }
          repo.setRunStatus(tx, task.runId(), Status.SUCCEEDED, now);
          List<StepRow> steps = repo.steps(tx, task.runId());
          // The run's update time is the step's finish time as the database stored it: the same
          // instant was written to both.
          Instant at =
              steps.stream()
                  .filter(s -> s.stepId().equals(task.stepId()))
                  .map(StepRow::finishedAt)
                  .findFirst()
                  .orElseThrow();
          return new Result(Kind.FINISHED, run.get().succeededAt(at), steps, true);
        });
  }

  /** Locks the run and records the step; empty if the run is gone or the lease lost. */
  private Optional<RunRow> record(
      DSLContext tx, Task task, String owner, String output, Instant now) {
    Optional<RunRow> run = repo.lockRun(tx, task.runId());
    if (run.isEmpty()
        || repo.finishStep(tx, task, owner, Status.SUCCEEDED, output, null, null, now) == 0) {
      return Optional.empty();
    }
    return run;
  }
}

package dev.stepwise.runtime.internal.store.dialect;

import dev.stepwise.runtime.internal.commit.ChainCompletion;
import dev.stepwise.runtime.internal.model.Rows.NewStep;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.model.Rows.Task;
import java.time.Instant;
import java.util.List;

/**
 * The writes on the path of a synchronous run: storing a run with one root, and those of {@link
 * ChainCompletion}, each in one transaction: lock the run, record the step's output fenced on its
 * lease, then either insert the next step (the run is RUNNING) or finish the run (SUCCEEDED) and
 * return its rows. A cancelled or failed run gets the step recorded and nothing else.
 */
public interface ChainWrites {

  /** What the transaction did. */
  enum Kind {
    /** The lease was lost (or the run deleted): nothing was written. */
    LEASE_LOST,
    /** The step is recorded, but the run had finished meanwhile: nothing new starts. */
    RUN_OVER,
    /** The step is recorded and the next one inserted. */
    ADVANCED,
    /** The step is recorded and the run SUCCEEDED; {@code run} and {@code steps} are as stored. */
    FINISHED
  }

  /**
   * @param mayHaveChildren for a FINISHED run: false only if it is known to have no child runs
   */
  record Result(Kind kind, RunRow run, List<StepRow> steps, boolean mayHaveChildren) {
    static final Result LEASE_LOST = new Result(Kind.LEASE_LOST, null, List.of(), false);
    static final Result RUN_OVER = new Result(Kind.RUN_OVER, null, List.of(), false);
    static final Result ADVANCED = new Result(Kind.ADVANCED, null, List.of(), false);
  }

  /**
   * True if {@link #finish} tells other nodes of the finished run itself, in its own statement
   * (PostgreSQL NOTIFY), so the engine must not announce it again.
   */
  boolean finishAnnounces();

  /** Stores a new run and its one root step, in one transaction. */
  void start(RunRow run, NewStep root, Instant now);

  /** Records {@code output} for {@code task} and inserts {@code next}, in one transaction. */
  Result advance(Task task, String owner, String output, NewStep next, Instant now);

  /** Records {@code output} for {@code task}, the chain's last step, and finishes the run. */
  Result finish(Task task, String owner, String output, Instant now);
}

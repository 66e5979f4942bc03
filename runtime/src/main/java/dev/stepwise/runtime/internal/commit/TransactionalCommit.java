package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.internal.commit.OutcomeWrites.GroupResult;
import dev.stepwise.runtime.internal.commit.OutcomeWrites.Item;
import dev.stepwise.runtime.internal.commit.OutcomeWrites.Recorded;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.store.RunStore;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit of a {@code @Step(transactional = true)}: the step's body runs inside the transaction
 * that records its result, so its writes, its output and the successors it makes ready commit
 * together, or not at all. Never grouped with other steps.
 */
final class TransactionalCommit {
  private static final Logger log = LoggerFactory.getLogger(TransactionalCommit.class);

  private final RunStore repo;
  private final OutcomeWrites writes;

  TransactionalCommit(RunStore repo, OutcomeWrites writes) {
    this.repo = repo;
    this.writes = writes;
  }

  /** Thrown inside the transaction to roll back a transactional step's writes. */
  private static final class LeaseLost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LeaseLost() {
      super(null, null, false, false);
    }
  }

  /**
   * Runs a transactional step's {@code body} and records its output in ONE transaction of its own
   * (not grouped): the step's writes, its result and the successors it makes ready commit together.
   * A lost lease rolls the step's writes back. Exceptions of the body propagate, after the
   * rollback.
   */
  Outcome record(Task task, Function<DSLContext, String> body) {
    GroupResult[] attempt = {null};
    GroupResult r;
    Item[] item = {null};
    try {
      r =
          repo.inTransaction(
              tx -> {
                writes.releasePermits(attempt[0]);
                attempt[0] = new GroupResult();
                item[0] = new Item(task, new Outcome.Succeeded(body.apply(tx)));
                writes.record(tx, List.of(item[0]), attempt[0]);
                if (attempt[0].byItem.getOrDefault(item[0], Recorded.QUIET).leaseLost()) {
                  throw new LeaseLost();
                }
                return attempt[0];
              });
    } catch (LeaseLost e) {
      writes.releasePermits(attempt[0]);
      log.warn(
          "Lost the lease of transactional step {} of run {}; its writes were rolled back",
          task.stepId(),
          task.runId());
      return new Outcome.Recorded(List.of());
    } catch (RuntimeException e) {
      writes.releasePermits(attempt[0]);
      throw e;
    }
    writes.afterCommit(r);
    return new Outcome.Recorded(writes.resultFor(r, item[0]));
  }
}

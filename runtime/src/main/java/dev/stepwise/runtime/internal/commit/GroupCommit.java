package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.internal.commit.CommitQueue.Pending;
import dev.stepwise.runtime.internal.commit.OutcomeWrites.GroupResult;
import dev.stepwise.runtime.internal.commit.OutcomeWrites.Item;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.store.RunStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: workers that finish steps at the same moment share ONE transaction ({@link
 * CommitQueue}), whose statements work on the whole group at once, so under load a step costs a
 * fraction of a commit and of a round trip. A group that fails is committed again item by item, so
 * only the item at fault is left to its lease expiry.
 */
final class GroupCommit {
  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  /** Enough to cover every worker of a node; bounds the statements of one transaction. */
  private static final int MAX_GROUP = 64;

  private final RunStore repo;
  private final OutcomeWrites writes;
  private final CommitQueue<Item, List<Task>> commits =
      new CommitQueue<>(MAX_GROUP, this::commitGroup);

  GroupCommit(RunStore repo, OutcomeWrites writes) {
    this.repo = repo;
    this.writes = writes;
  }

  /** Records {@code item} with whatever else is being recorded now; returns its successors. */
  List<Task> submit(Item item) {
    return commits.submit(item);
  }

  private void commitGroup(List<Pending<Item, List<Task>>> group) {
    List<Item> items = group.stream().map(p -> p.item).toList();
    GroupResult r;
    try {
      r = inTransaction(items);
    } catch (RuntimeException e) {
      if (group.size() == 1) {
        throw e;
      }
      // One item may be what failed (say, a workflow no longer registered): commit each alone,
      // so only that one is left to its lease expiry.
      log.debug("A group of {} completions failed; committing them one by one", group.size(), e);
      for (Pending<Item, List<Task>> p : group) {
        try {
          GroupResult one = inTransaction(List.of(p.item));
          writes.afterCommit(one);
          p.result.complete(writes.resultFor(one, p.item));
        } catch (RuntimeException each) {
          p.result.completeExceptionally(each);
        }
      }
      return;
    }
    writes.afterCommit(r);
    for (Pending<Item, List<Task>> p : group) {
      p.result.complete(writes.resultFor(r, p.item));
    }
  }

  private GroupResult inTransaction(List<Item> items) {
    GroupResult[] attempt = {null};
    try {
      return repo.inTransaction(
          tx -> {
            // A retried transaction starts afresh: give back what a failed attempt took.
            writes.releasePermits(attempt[0]);
            attempt[0] = new GroupResult();
            writes.record(tx, items, attempt[0]);
            return attempt[0];
          });
    } catch (RuntimeException e) {
      writes.releasePermits(attempt[0]);
      throw e;
    }
  }
}

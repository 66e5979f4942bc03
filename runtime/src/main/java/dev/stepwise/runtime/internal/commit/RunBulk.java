package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.RunPage;
import dev.stepwise.runtime.RunQuery;
import dev.stepwise.runtime.RunSummary;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.store.BulkRows;
import dev.stepwise.runtime.internal.store.RunQueries;
import dev.stepwise.runtime.internal.store.RunStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Cancel, retry or delete every run a {@link RunQuery} selects, a page (the query's limit) at a
 * time, each page its own transaction, walking the pages by their cursor so that every run is
 * visited once however the operation changes it. Returns how many runs it changed.
 */
public final class RunBulk {
  private static final Set<Status> UNFINISHED =
      EnumSet.of(Status.PENDING, Status.QUEUED, Status.RUNNING, Status.SUSPENDED, Status.WAITING);
  private static final Set<Status> RETRYABLE = EnumSet.of(Status.FAILED, Status.CANCELLED);
  private static final Set<Status> FINISHED =
      EnumSet.of(Status.SUCCEEDED, Status.FAILED, Status.CANCELLED);

  private final RunStore repo;
  private final RunQueries queries;
  private final RunChanges changes;
  private final Wakeups wakeups;
  private final Clock clock;

  public RunBulk(
      RunStore repo, RunQueries queries, RunChanges changes, Wakeups wakeups, Clock clock) {
    this.repo = repo;
    this.queries = queries;
    this.changes = changes;
    this.wakeups = wakeups;
    this.clock = clock;
  }

  /** Cancels the unfinished runs of {@code workflow} that {@code query} selects. */
  public int cancel(String workflow, RunQuery query) {
    int cancelled =
        sumOverBatches(
            workflow,
            query,
            UNFINISHED,
            batch -> {
              List<String> ids =
                  repo.inTransaction(tx -> BulkRows.cancel(tx, batch, clock.instant()));
              ids.forEach(changes::changed);
              return (int) ids.stream().filter(batch::contains).count();
            });
    if (cancelled > 0) {
      wakeups.workQueued(); // their slots of queues and run limits are free
    }
    return cancelled;
  }

  /** Retries the failed and cancelled runs that {@code query} selects, one transaction each. */
  public int retry(String workflow, RunQuery query, Predicate<String> retryOne) {
    return sumOverBatches(
        workflow, query, RETRYABLE, batch -> (int) batch.stream().filter(retryOne).count());
  }

  /** Deletes the finished runs that {@code query} selects, with all that belongs to them. */
  public int delete(String workflow, RunQuery query) {
    return sumOverBatches(
        workflow, query, FINISHED, batch -> repo.inTransaction(tx -> BulkRows.delete(tx, batch)));
  }

  /**
   * Applies {@code action} to the ids of each page of selected runs, each page read after the one
   * before was acted on, and sums what it returns.
   */
  private int sumOverBatches(
      String workflow, RunQuery query, Set<Status> narrowed, ToIntFunction<List<String>> action) {
    int sum = 0;
    RunQuery q = query;
    while (true) {
      RunPage page = queries.page(workflow, q, narrowed);
      if (page.runs().isEmpty()) {
        return sum;
      }
      List<String> ids = new ArrayList<>();
      for (RunSummary r : page.runs()) {
        ids.add(r.runId());
      }
      sum += action.applyAsInt(ids);
      if (page.next() == null) {
        return sum;
      }
      q = query.after(page.next());
    }
  }
}

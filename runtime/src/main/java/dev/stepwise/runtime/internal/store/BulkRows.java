package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_DEBOUNCE;
import static dev.stepwise.runtime.internal.db.Tables.SW_DEDUP;
import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;

import dev.stepwise.runtime.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Bulk operations on a batch of runs, each batch a handful of set-based statements in one
 * transaction, with the batch's child runs (found through {@code root_id}) along with their roots.
 */
public final class BulkRows {
  private static final List<String> FINISHED = RunStore.FINISHED_STATES;

  private BulkRows() {}

  /**
   * Cancels the unfinished runs among {@code runIds}, and their unfinished descendants, with their
   * open steps; returns the ids cancelled (the batch's own first).
   */
  public static List<String> cancel(DSLContext tx, List<String> runIds, Instant now) {
    List<String> open =
        tx.select(SW_RUNS.ID)
            .from(SW_RUNS)
            .where(
                SW_RUNS
                    .ID
                    .in(runIds)
                    .or(SW_RUNS.ROOT_ID.in(runIds))
                    .and(SW_RUNS.STATUS.notIn(FINISHED)))
            .orderBy(SW_RUNS.ID)
            .forUpdate()
            .fetch(SW_RUNS.ID);
    if (open.isEmpty()) {
      return List.of();
    }
    tx.update(SW_RUNS)
        .set(SW_RUNS.STATUS, Status.CANCELLED.name())
        .set(SW_RUNS.UPDATED_AT, odt(now))
        .set(SW_RUNS.FINISHED_AT, odt(now))
        .set(SW_RUNS.VERSION, SW_RUNS.VERSION.plus(DSL.inline(1L)))
        .where(SW_RUNS.ID.in(open))
        .execute();
    StepStore.cancelOpenSteps(tx, open, now);
    return open;
  }

  /**
   * Deletes the finished runs among {@code runIds} whose descendants are all finished too, with
   * those descendants and everything that belongs to them (steps, events, kept errors, the
   * deduplication and debounce rows pointing at them); returns how many of {@code runIds} went.
   */
  public static int delete(DSLContext tx, List<String> runIds) {
    Set<String> roots = new HashSet<>();
    List<String> all = new ArrayList<>();
    for (var r :
        tx.select(SW_RUNS.ID, SW_RUNS.ROOT_ID, SW_RUNS.STATUS)
            .from(SW_RUNS)
            .where(SW_RUNS.ID.in(runIds).or(SW_RUNS.ROOT_ID.in(runIds)))
            .forUpdate()
            .fetch()) {
      all.add(r.value1());
      if (runIds.contains(r.value1())) {
        roots.add(r.value1());
      }
    }
    // A root with an unfinished run in its family stays, and so does that family.
    Set<String> kept = new HashSet<>();
    for (var r :
        tx.select(SW_RUNS.ID, SW_RUNS.ROOT_ID)
            .from(SW_RUNS)
            .where(SW_RUNS.ID.in(all).and(SW_RUNS.STATUS.notIn(FINISHED)))
            .fetch()) {
      kept.add(r.value2() != null ? r.value2() : r.value1());
    }
    roots.removeAll(kept);
    if (roots.isEmpty()) {
      return 0;
    }
    List<String> doomed = new ArrayList<>();
    for (var r :
        tx.select(SW_RUNS.ID)
            .from(SW_RUNS)
            .where(SW_RUNS.ID.in(roots).or(SW_RUNS.ROOT_ID.in(roots)))
            .fetch()) {
      doomed.add(r.value1());
    }
    StepErrorRows.deleteOf(tx, doomed);
    tx.deleteFrom(SW_DEDUP).where(SW_DEDUP.RUN_ID.in(doomed)).execute();
    tx.deleteFrom(SW_DEBOUNCE).where(SW_DEBOUNCE.RUN_ID.in(doomed)).execute();
    // Steps go with their runs: a cascading key on H2, a trigger on PostgreSQL (V8); events by key.
    tx.deleteFrom(SW_RUNS).where(SW_RUNS.ID.in(doomed)).execute();
    return roots.size();
  }
}

package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_DEBOUNCE;
import static dev.stepwise.runtime.internal.db.Tables.SW_DEDUP;
import static dev.stepwise.runtime.internal.db.Tables.SW_QUEUES;
import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;

import dev.stepwise.runtime.Status;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Deletes finished runs whose retention has passed, one batch per transaction: a batch of a
 * workflow's finished top-level runs, their child runs, and the deduplication and debounce rows
 * that point at them. Their steps go with them (PostgreSQL's trigger, H2's cascading key, V8), and
 * so do their events (the cascading key of V3). Each batch holds a lock row in {@code sw_queues},
 * taken with {@code SKIP LOCKED}, so that at most one node deletes at a time and the others pass.
 */
public final class RetentionRows {
  /** What {@link #deleteBatch} returns when another node is deleting. */
  public static final int LOCKED = -1;

  /** The lock row; '/' is in no queue name, and "workflow/..." rows are the run limits'. */
  static final String LOCK = "engine/retention";

  // Literals, as PostgreSQL's partial index names them (V13), so that generic plans can use it.
  private static final List<Field<String>> FINISHED =
      List.of(
          DSL.inline(Status.SUCCEEDED.name()),
          DSL.inline(Status.FAILED.name()),
          DSL.inline(Status.CANCELLED.name()));

  private final DSLContext dsl;

  public RetentionRows(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Creates the lock row if it is missing; once, before the first batch. */
  public void ensureLock() {
    dsl.insertInto(SW_QUEUES).set(SW_QUEUES.NAME, LOCK).onConflictDoNothing().execute();
  }

  /**
   * Deletes up to {@code limit} runs of {@code workflow} that finished before {@code cutoff}, each
   * with its family; returns how many top-level runs it deleted, or {@link #LOCKED} if another node
   * holds the lock.
   */
  public int deleteBatch(String workflow, Instant cutoff, int limit) {
    return dsl.transactionResult(cfg -> deleteBatch(cfg.dsl(), workflow, cutoff, limit));
  }

  private static int deleteBatch(DSLContext tx, String workflow, Instant cutoff, int limit) {
    if (tx.select(SW_QUEUES.NAME)
        .from(SW_QUEUES)
        .where(SW_QUEUES.NAME.eq(LOCK))
        .forUpdate()
        .skipLocked()
        .fetch()
        .isEmpty()) {
      return LOCKED;
    }
    List<String> roots = expired(tx, workflow, cutoff, limit);
    if (roots.isEmpty()) {
      return 0;
    }
    // Kept errors (V14) first: no key ties them to their runs, and the children are found through
    // their roots' ids until those go.
    StepErrorRows.deleteOfFamilies(tx, roots);
    // The family's runs before the roots: a child is found through its root's id (V5).
    tx.deleteFrom(SW_RUNS).where(SW_RUNS.ROOT_ID.in(roots)).execute();
    tx.deleteFrom(SW_DEDUP).where(SW_DEDUP.RUN_ID.in(roots)).execute();
    tx.deleteFrom(SW_DEBOUNCE).where(SW_DEBOUNCE.RUN_ID.in(roots)).execute();
    // The status again: the rows are locked, so this only guards against a statement of the engine
    // that changed a run without taking its lock first.
    return tx.deleteFrom(SW_RUNS)
        .where(SW_RUNS.ID.in(roots).and(SW_RUNS.STATUS.in(FINISHED)))
        .execute();
  }

  /**
   * Up to {@code limit} finished top-level runs of the workflow that finished before the cutoff,
   * oldest first, and have no descendant still active; locked in the run-first order every writer
   * keeps, and runs another transaction holds are passed over, never waited for.
   */
  private static List<String> expired(DSLContext tx, String workflow, Instant cutoff, int limit) {
    // Ordered by the finish time, so that PostgreSQL walks V13's index from the oldest run: with
    // LIMIT alone it chose a scan of the table, which after a batch began with its dead rows.
    List<String> roots =
        tx.select(SW_RUNS.ID)
            .from(SW_RUNS)
            .where(SW_RUNS.WORKFLOW.eq(workflow))
            .and(SW_RUNS.STATUS.in(FINISHED))
            .and(SW_RUNS.ROOT_ID.isNull())
            .and(SW_RUNS.FINISHED_AT.lt(odt(cutoff)))
            .orderBy(SW_RUNS.FINISHED_AT)
            .limit(limit)
            .forUpdate()
            .skipLocked()
            .fetch(SW_RUNS.ID);
    if (roots.isEmpty()) {
      return roots;
    }
    // A second statement rather than NOT EXISTS in the first: PostgreSQL planned that as an anti
    // join over a scan of the whole table, when every family probed is one look-up of root_id.
    Set<String> active =
        new HashSet<>(
            tx.selectDistinct(SW_RUNS.ROOT_ID)
                .from(SW_RUNS)
                .where(SW_RUNS.ROOT_ID.in(roots))
                .and(SW_RUNS.STATUS.notIn(FINISHED))
                .fetch(SW_RUNS.ROOT_ID));
    return active.isEmpty() ? roots : roots.stream().filter(id -> !active.contains(id)).toList();
  }
}

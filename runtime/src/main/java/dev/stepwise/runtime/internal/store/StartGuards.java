package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_DEBOUNCE;
import static dev.stepwise.runtime.internal.db.Tables.SW_DEDUP;
import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;

import dev.stepwise.runtime.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Result;

/**
 * The rows that make a start return a run that exists already although its id is new: a
 * deduplication id's run while it is queued or running, and a debounce key's run while it has not
 * begun. Each method runs in the start's transaction and locks the row it reads, so two concurrent
 * starts with the same id or key are ordered; the first to insert a row wins on its primary key.
 */
public final class StartGuards {
  private StartGuards() {}

  /**
   * The run a start with {@code dedupId} returns instead of a new one: the id's run, if it has not
   * finished. Otherwise points the id at {@code newRunId} (the caller inserts that run in this
   * transaction) and returns empty.
   */
  public static Optional<String> dedup(
      DSLContext tx, String workflow, String dedupId, String newRunId) {
    Optional<String> holder =
        tx.select(SW_DEDUP.RUN_ID)
            .from(SW_DEDUP)
            .where(SW_DEDUP.WORKFLOW.eq(workflow).and(SW_DEDUP.DEDUP_ID.eq(dedupId)))
            .forUpdate()
            .fetchOptional(SW_DEDUP.RUN_ID);
    if (holder.isEmpty()) {
      tx.insertInto(SW_DEDUP)
          .set(SW_DEDUP.WORKFLOW, workflow)
          .set(SW_DEDUP.DEDUP_ID, dedupId)
          .set(SW_DEDUP.RUN_ID, newRunId)
          .execute();
      return Optional.empty();
    }
    Optional<String> status = status(tx, holder.get());
    if (status.isPresent() && !Status.valueOf(status.get()).isTerminal()) {
      return holder;
    }
    // The id's run finished (or was deleted): the id is free again.
    tx.update(SW_DEDUP)
        .set(SW_DEDUP.RUN_ID, newRunId)
        .where(SW_DEDUP.WORKFLOW.eq(workflow).and(SW_DEDUP.DEDUP_ID.eq(dedupId)))
        .execute();
    return Optional.empty();
  }

  /** The active run a deduplication id points at, read without a lock. */
  public static Optional<String> activeDedup(DSLContext dsl, String workflow, String dedupId) {
    return dsl.select(SW_DEDUP.RUN_ID)
        .from(SW_DEDUP)
        .join(SW_RUNS)
        .on(SW_RUNS.ID.eq(SW_DEDUP.RUN_ID))
        .where(
            SW_DEDUP
                .WORKFLOW
                .eq(workflow)
                .and(SW_DEDUP.DEDUP_ID.eq(dedupId))
                .and(SW_RUNS.STATUS.notIn(RunStore.FINISHED_STATES)))
        .fetchOptional(SW_DEDUP.RUN_ID);
  }

  /**
   * Replaces the input of the debounce key's run and moves its start to {@code notBefore}, but no
   * later than {@code maxWait} after that run's first start (null: no bound), if that run has not
   * begun: every step row of it is still waiting, never attempted. Returns its id; empty if the key
   * has no such run (none yet, or it began), and the caller starts a new one.
   */
  public static Optional<String> debounce(
      DSLContext tx,
      String workflow,
      String key,
      String inputJson,
      Instant notBefore,
      Duration maxWait,
      Instant now) {
    Optional<String> pending =
        tx.select(SW_DEBOUNCE.RUN_ID)
            .from(SW_DEBOUNCE)
            .where(SW_DEBOUNCE.WORKFLOW.eq(workflow).and(SW_DEBOUNCE.DEBOUNCE_KEY.eq(key)))
            .forUpdate()
            .fetchOptional(SW_DEBOUNCE.RUN_ID);
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    String runId = pending.get();
    // Locked in the claim's order (steps, not the run): a claim that took a step first has made it
    // RUNNING by the time this read returns; one that comes after skips the locked rows.
    Result<Record2<String, Integer>> steps =
        tx.select(SW_STEPS.STATUS, SW_STEPS.ATTEMPTS)
            .from(SW_STEPS)
            .where(SW_STEPS.RUN_ID.eq(runId))
            .forUpdate()
            .fetch();
    Optional<String> runStatus = status(tx, runId);
    boolean notBegun =
        !steps.isEmpty()
            && runStatus.isPresent()
            && isWaiting(runStatus.get())
            && steps.stream().allMatch(s -> isWaiting(s.value1()) && s.value2() == 0);
    if (!notBegun) {
      tx.deleteFrom(SW_DEBOUNCE)
          .where(SW_DEBOUNCE.WORKFLOW.eq(workflow).and(SW_DEBOUNCE.DEBOUNCE_KEY.eq(key)))
          .execute();
      return Optional.empty();
    }
    tx.update(SW_RUNS)
        .set(SW_RUNS.INPUT, inputJson)
        .set(SW_RUNS.UPDATED_AT, odt(now))
        .set(SW_RUNS.VERSION, SW_RUNS.VERSION.plus(1L))
        .where(SW_RUNS.ID.eq(runId))
        .execute();
    Instant due = notBefore;
    if (maxWait != null) {
      Instant first =
          tx.select(SW_RUNS.CREATED_AT)
              .from(SW_RUNS)
              .where(SW_RUNS.ID.eq(runId))
              .fetchOne(SW_RUNS.CREATED_AT)
              .toInstant();
      Instant latest = first.plus(maxWait);
      due = latest.isBefore(notBefore) ? latest : notBefore;
    }
    tx.update(SW_STEPS)
        .set(SW_STEPS.NOT_BEFORE, odt(due))
        .where(SW_STEPS.RUN_ID.eq(runId))
        .execute();
    return Optional.of(runId);
  }

  /** Makes {@code runId} the debounce key's pending run (inserted in this transaction). */
  public static void debounced(
      DSLContext tx, String workflow, String key, String runId, Instant notBefore) {
    tx.insertInto(SW_DEBOUNCE)
        .set(SW_DEBOUNCE.WORKFLOW, workflow)
        .set(SW_DEBOUNCE.DEBOUNCE_KEY, key)
        .set(SW_DEBOUNCE.RUN_ID, runId)
        .execute();
    tx.update(SW_STEPS)
        .set(SW_STEPS.NOT_BEFORE, odt(notBefore))
        .where(SW_STEPS.RUN_ID.eq(runId))
        .execute();
  }

  /** Sets the concurrency key and priority of a run inserted in this transaction. */
  public static void flow(DSLContext tx, String runId, String concurrencyKey, int priority) {
    tx.update(SW_RUNS)
        .set(SW_RUNS.CONCURRENCY_KEY, concurrencyKey)
        .set(SW_RUNS.PRIORITY, priority)
        .where(SW_RUNS.ID.eq(runId))
        .execute();
  }

  private static boolean isWaiting(String status) {
    return status.equals(Status.PENDING.name()) || status.equals(Status.QUEUED.name());
  }

  private static Optional<String> status(DSLContext tx, String runId) {
    return tx.select(SW_RUNS.STATUS)
        .from(SW_RUNS)
        .where(SW_RUNS.ID.eq(runId))
        .fetchOptional(SW_RUNS.STATUS);
  }
}

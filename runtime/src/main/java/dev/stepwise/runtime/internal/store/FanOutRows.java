package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.db.tables.records.SwStepsRecord;
import dev.stepwise.runtime.internal.model.FanOutCounts;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.InsertSetStep;
import org.jooq.Record1;
import org.jooq.Record3;
import org.jooq.Record4;
import org.jooq.impl.DSL;

/**
 * The rows of a fan-out ({@code @Parallel}): the step's own row (the parent, {@code RUNNING}
 * without a lease while its elements run) and one row {@code step[i]} per element. Callers hold the
 * run lock.
 */
public final class FanOutRows {
  private FanOutRows() {}

  /** A fan-out over an empty list: its row, succeeded at once with {@code []}. */
  public static void insertEmpty(DSLContext tx, RunRow run, String stepId, Instant now) {
    new StepInsert(run.id(), stepId, run.workflow(), Status.SUCCEEDED, 0, "[]", now, now, null)
        .execute(tx, now);
  }

  /**
   * The parent row of a fan-out that starts: RUNNING, and no lease, while its elements run; it
   * counts them (V16): {@code total} in the list, {@code started} element rows inserted with it.
   */
  public static void insertParent(
      DSLContext tx, RunRow run, String stepId, int total, int started, Instant now) {
    tx.insertInto(SW_STEPS)
        .set(SW_STEPS.RUN_ID, run.id())
        .set(SW_STEPS.STEP_ID, stepId)
        .set(SW_STEPS.WORKFLOW, run.workflow())
        .set(SW_STEPS.STATUS, Status.RUNNING.name())
        .set(SW_STEPS.ATTEMPTS, 0)
        .set(SW_STEPS.NOT_BEFORE, odt(now))
        .set(SW_STEPS.STARTED_AT, odt(now))
        .set(SW_STEPS.ITEMS_TOTAL, total)
        .set(SW_STEPS.ITEMS_STARTED, started)
        .set(SW_STEPS.ITEMS_SUCCEEDED, 0)
        .set(SW_STEPS.VERSION, 0L)
        .execute();
  }

  /** How many element rows to insert leased to this node, to whom, for how long. */
  public record ElementLeases(int count, String owner, Duration lease) {}

  /** Rows per multi-row insert of elements: 12 values each, well under PostgreSQL's limit. */
  static final int ROWS_PER_INSERT = 1_000;

  /**
   * The rows of elements {@code first}, {@code first + 1}, ... of {@code stepId}, one per JSON
   * value of {@code items}, each carrying its element, queued for any node to claim in {@code
   * queue} (the fanned-out step's, or null). Sent as multi-row inserts of at most {@link
   * #ROWS_PER_INSERT} rows: PostgreSQL takes at most 32,767 bound values per statement. The first
   * {@code leases.count()} rows are inserted already leased to {@code leases.owner()} (RUNNING,
   * attempt 1, version 1, as a claim leaves them); {@code leases} null: none.
   */
  public static void insertElements(
      DSLContext tx,
      RunRow run,
      String stepId,
      int first,
      List<String> items,
      String queue,
      ElementLeases leases,
      Instant now) {
    int leased = leases == null ? 0 : Math.min(leases.count(), items.size());
    for (int from = 0; from < items.size(); from += ROWS_PER_INSERT) {
      int to = Math.min(items.size(), from + ROWS_PER_INSERT);
      InsertSetStep<SwStepsRecord> insert = tx.insertInto(SW_STEPS);
      InsertSetMoreStep<SwStepsRecord> rows = null;
      for (int i = from; i < to; i++) {
        InsertSetStep<SwStepsRecord> next = rows == null ? insert : rows.newRecord();
        boolean here = i < leased;
        rows =
            next.set(SW_STEPS.RUN_ID, run.id())
                .set(SW_STEPS.STEP_ID, Ids.itemId(stepId, first + i))
                .set(SW_STEPS.WORKFLOW, run.workflow())
                .set(SW_STEPS.STATUS, here ? Status.RUNNING.name() : Status.PENDING.name())
                .set(SW_STEPS.ATTEMPTS, here ? 1 : 0)
                .set(SW_STEPS.NOT_BEFORE, odt(now))
                .set(SW_STEPS.LEASE_OWNER, here ? leases.owner() : null)
                .set(SW_STEPS.LEASE_UNTIL, here ? odt(now.plus(leases.lease())) : null)
                .set(SW_STEPS.STARTED_AT, here ? odt(now) : null)
                .set(SW_STEPS.QUEUE, queue)
                .set(SW_STEPS.ITEM, items.get(i))
                .set(SW_STEPS.VERSION, here ? 1L : 0L);
      }
      rows.execute();
    }
  }

  /**
   * The parent's status and counts; empty if {@code stepId} has no row. A parent written before V16
   * has no counts: {@code legacy} takes them from the run's rows, and they are written back.
   */
  public static Optional<FanOutCounts> counts(
      DSLContext tx, String runId, String stepId, Function<Status, FanOutCounts> legacy) {
    Record4<String, Integer, Integer, Integer> r =
        tx.select(
                SW_STEPS.STATUS,
                SW_STEPS.ITEMS_TOTAL,
                SW_STEPS.ITEMS_STARTED,
                SW_STEPS.ITEMS_SUCCEEDED)
            .from(SW_STEPS)
            .where(SW_STEPS.RUN_ID.eq(runId).and(SW_STEPS.STEP_ID.eq(stepId)))
            .fetchOne();
    if (r == null) {
      return Optional.empty();
    }
    Status status = Status.valueOf(r.value1());
    if (r.value2() != null && r.value3() != null && r.value4() != null) {
      return Optional.of(new FanOutCounts(status, r.value2(), r.value3(), r.value4()));
    }
    FanOutCounts counts = legacy.apply(status);
    if (status == Status.RUNNING) {
      writeCounts(tx, runId, stepId, counts);
    }
    return Optional.of(counts);
  }

  /**
   * Adds {@code succeeded} to the parent's count of succeeded elements, in one statement, and
   * returns its status and counts as they are then; empty if it has no row, or no counts (written
   * before V16). The caller holds the run lock.
   */
  public static Optional<FanOutCounts> addSucceeded(
      DSLContext tx, String runId, String stepId, int succeeded) {
    return tx.update(SW_STEPS)
        .set(SW_STEPS.ITEMS_SUCCEEDED, SW_STEPS.ITEMS_SUCCEEDED.plus(succeeded))
        .where(
            SW_STEPS
                .RUN_ID
                .eq(runId)
                .and(SW_STEPS.STEP_ID.eq(stepId))
                .and(SW_STEPS.ITEMS_TOTAL.isNotNull())
                .and(SW_STEPS.ITEMS_STARTED.isNotNull())
                .and(SW_STEPS.ITEMS_SUCCEEDED.isNotNull()))
        .returningResult(
            SW_STEPS.STATUS, SW_STEPS.ITEMS_TOTAL, SW_STEPS.ITEMS_STARTED, SW_STEPS.ITEMS_SUCCEEDED)
        .fetchOptional(
            r -> new FanOutCounts(Status.valueOf(r.value1()), r.value2(), r.value3(), r.value4()));
  }

  /** Writes the parent's counts; the caller holds the run lock. */
  public static void writeCounts(DSLContext tx, String runId, String stepId, FanOutCounts counts) {
    tx.update(SW_STEPS)
        .set(SW_STEPS.ITEMS_TOTAL, counts.total())
        .set(SW_STEPS.ITEMS_STARTED, counts.started())
        .set(SW_STEPS.ITEMS_SUCCEEDED, counts.succeeded())
        .where(SW_STEPS.RUN_ID.eq(runId).and(SW_STEPS.STEP_ID.eq(stepId)))
        .execute();
  }

  /**
   * The outputs of elements 0 to {@code total - 1} of {@code stepId}, in order, read once, when the
   * last one succeeded; empty if one of them has not succeeded (or has no row).
   */
  public static Optional<List<String>> succeededOutputs(
      DSLContext tx, String runId, String stepId, int total) {
    String[] outputs = new String[total];
    boolean[] seen = new boolean[total];
    int found = 0;
    for (Record3<String, String, String> r :
        tx.select(SW_STEPS.STEP_ID, SW_STEPS.STATUS, SW_STEPS.OUTPUT)
            .from(SW_STEPS)
            .where(SW_STEPS.RUN_ID.eq(runId).and(SW_STEPS.STEP_ID.startsWith(stepId + "[")))) {
      if (!Ids.isItem(r.value1()) || !Ids.stepOf(r.value1()).equals(stepId)) {
        continue;
      }
      int i = Ids.indexOf(r.value1());
      if (i < total && !seen[i] && r.value2().equals(Status.SUCCEEDED.name())) {
        seen[i] = true;
        outputs[i] = r.value3();
        found++;
      }
    }
    return found == total ? Optional.of(Arrays.asList(outputs)) : Optional.empty();
  }

  /** The output of step {@code stepId} of {@code runId}, if it succeeded with a non-null one. */
  public static Optional<String> succeededOutput(DSLContext dsl, String runId, String stepId) {
    return dsl.select(SW_STEPS.OUTPUT)
        .from(SW_STEPS)
        .where(
            SW_STEPS
                .RUN_ID
                .eq(runId)
                .and(SW_STEPS.STEP_ID.eq(stepId))
                .and(SW_STEPS.STATUS.eq(DSL.inline(Status.SUCCEEDED.name()))))
        .fetchOptional(Record1::value1);
  }

  /** RUNNING -> SUCCEEDED with the elements' outputs; false if the parent was not running. */
  public static boolean succeedParent(
      DSLContext tx, String runId, String stepId, String outputJson, Instant now) {
    return finishParent(tx, runId, stepId, Status.SUCCEEDED, outputJson, null, now);
  }

  /** RUNNING -> FAILED with an element's error; false if the parent was not running. */
  public static boolean failParent(
      DSLContext tx, String runId, String stepId, StepError error, Instant now) {
    return finishParent(tx, runId, stepId, Status.FAILED, null, error, now);
  }

  /** RUNNING -> SKIPPED; false if the parent was not running. */
  public static boolean skipParent(DSLContext tx, String runId, String stepId, Instant now) {
    return finishParent(tx, runId, stepId, Status.SKIPPED, null, null, now);
  }

  private static boolean finishParent(
      DSLContext tx,
      String runId,
      String stepId,
      Status status,
      String output,
      StepError error,
      Instant now) {
    int n =
        tx.update(SW_STEPS)
            .set(SW_STEPS.STATUS, status.name())
            .set(SW_STEPS.OUTPUT, output)
            .set(SW_STEPS.ERROR_TYPE, error == null ? null : error.type())
            .set(SW_STEPS.ERROR_MESSAGE, error == null ? null : error.message())
            .set(SW_STEPS.ERROR_STACK, error == null ? null : error.stackTrace())
            .set(SW_STEPS.FINISHED_AT, odt(now))
            .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
            .where(StepStore.stepIn(runId, stepId, Status.RUNNING))
            .execute();
    return StepStore.changedOne(n, runId, stepId);
  }
}

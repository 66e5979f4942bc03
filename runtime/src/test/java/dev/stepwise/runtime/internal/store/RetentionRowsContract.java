package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_DEBOUNCE;
import static dev.stepwise.runtime.internal.db.Tables.SW_DEDUP;
import static dev.stepwise.runtime.internal.db.Tables.SW_EVENTS;
import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.testing.TestSchema;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deletes of the retention sweeper ({@link RetentionRows}), proven once per database on rows
 * written with SQL, their finish times in the past, rather than by waiting.
 */
abstract class RetentionRowsContract {
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  static final Instant OLD = NOW.minus(Duration.ofDays(40));
  static final Instant CUTOFF = NOW.minus(Duration.ofDays(30));

  protected String schema;
  protected DSLContext dsl;
  private RetentionRows rows;
  private TestSchema database;

  protected DataSource dataSource() {
    return database.dataSource();
  }

  @BeforeEach
  void migrate(TestSchema testSchema) {
    this.database = testSchema;
    schema = testSchema.name();
    dsl = new Database(dataSource(), null, schema).dsl();
    rows = new RetentionRows(dsl);
    rows.ensureLock();
  }

  /** A run of {@code workflow} with one step and one event; a child run if its id has a '/'. */
  private void run(String id, String workflow, Status status, Instant finishedAt) {
    dsl.insertInto(SW_RUNS)
        .set(SW_RUNS.ID, id)
        .set(SW_RUNS.WORKFLOW, workflow)
        .set(SW_RUNS.GRAPH_VERSION, "v1")
        .set(SW_RUNS.STATUS, status.name())
        .set(SW_RUNS.INPUT, "{}")
        .set(SW_RUNS.ROOT_ID, Ids.rootOf(id))
        .set(SW_RUNS.CREATED_AT, odt(OLD.minusSeconds(60)))
        .set(SW_RUNS.UPDATED_AT, odt(OLD))
        .set(SW_RUNS.FINISHED_AT, odt(finishedAt))
        .set(SW_RUNS.VERSION, 1L)
        .execute();
    dsl.insertInto(SW_STEPS)
        .set(SW_STEPS.RUN_ID, id)
        .set(SW_STEPS.STEP_ID, "one")
        .set(SW_STEPS.WORKFLOW, workflow)
        .set(SW_STEPS.STATUS, status.isTerminal() ? Status.SUCCEEDED.name() : status.name())
        .set(SW_STEPS.ATTEMPTS, 1)
        .set(SW_STEPS.NOT_BEFORE, odt(OLD))
        .set(SW_STEPS.VERSION, 1L)
        .execute();
    dsl.insertInto(SW_EVENTS)
        .set(SW_EVENTS.RUN_ID, id)
        .set(SW_EVENTS.NAME, "go")
        .set(SW_EVENTS.PAYLOAD, "1")
        .set(SW_EVENTS.RECEIVED_AT, odt(OLD))
        .execute();
  }

  private void finished(String id, String workflow) {
    run(id, workflow, Status.SUCCEEDED, OLD);
  }

  private List<String> runIds() {
    return dsl.select(SW_RUNS.ID).from(SW_RUNS).orderBy(SW_RUNS.ID).fetch(SW_RUNS.ID);
  }

  private List<String> stepRuns() {
    return dsl.selectDistinct(SW_STEPS.RUN_ID)
        .from(SW_STEPS)
        .orderBy(SW_STEPS.RUN_ID)
        .fetch(SW_STEPS.RUN_ID);
  }

  private List<String> eventRuns() {
    return dsl.select(SW_EVENTS.RUN_ID)
        .from(SW_EVENTS)
        .orderBy(SW_EVENTS.RUN_ID)
        .fetch(SW_EVENTS.RUN_ID);
  }

  @Test
  void deletesOldFinishedRunsWithTheirStepsEventsChildrenAndStartGuards() {
    run("done", "w", Status.SUCCEEDED, OLD);
    run("done/child", "other", Status.SUCCEEDED, OLD);
    run("failed", "w", Status.FAILED, OLD);
    run("cancelled", "w", Status.CANCELLED, OLD);
    dsl.insertInto(SW_DEDUP, SW_DEDUP.WORKFLOW, SW_DEDUP.DEDUP_ID, SW_DEDUP.RUN_ID)
        .values("w", "d1", "done")
        .execute();
    dsl.insertInto(SW_DEBOUNCE, SW_DEBOUNCE.WORKFLOW, SW_DEBOUNCE.DEBOUNCE_KEY, SW_DEBOUNCE.RUN_ID)
        .values("w", "k1", "failed")
        .execute();
    StepError boom = new StepError("java.io.IOException", "boom", null);
    StepErrorRows.record(dsl, "failed", "s", 1, boom, OLD);
    StepErrorRows.record(dsl, "done/child", "s", 1, boom, OLD);
    StepErrorRows.record(dsl, "recent", "s", 1, boom, OLD);
    // Kept: newer than the cutoff; another workflow; active; a child of an active root.
    run("recent", "w", Status.SUCCEEDED, NOW.minus(Duration.ofDays(1)));
    finished("elsewhere", "x");
    run("running", "w", Status.RUNNING, null);
    run("suspended", "w", Status.SUSPENDED, null);
    run("parent", "w", Status.RUNNING, null);
    run("parent/child", "w", Status.SUCCEEDED, OLD);

    assertThat(rows.deleteBatch("w", CUTOFF, 500)).isEqualTo(3);

    List<String> kept =
        List.of("elsewhere", "parent", "parent/child", "recent", "running", "suspended");
    assertThat(runIds()).containsExactlyElementsOf(kept);
    assertThat(stepRuns()).containsExactlyElementsOf(kept);
    assertThat(eventRuns()).containsExactlyElementsOf(kept);
    assertThat(dsl.fetchCount(SW_DEDUP)).isZero();
    assertThat(dsl.fetchCount(SW_DEBOUNCE)).isZero();
    // The kept errors of the deleted runs and their children go too; a kept run's stay.
    assertThat(StepErrorRows.of(dsl, "failed", "s")).isEmpty();
    assertThat(StepErrorRows.of(dsl, "done/child", "s")).isEmpty();
    assertThat(StepErrorRows.of(dsl, "recent", "s")).hasSize(1);
    assertThat(rows.deleteBatch("w", CUTOFF, 500)).isZero();
  }

  @Test
  void aFinishedRootWithAChildStillActiveIsKeptWithItsFamily() {
    finished("root", "w");
    run("root/child", "w", Status.WAITING, null);

    assertThat(rows.deleteBatch("w", CUTOFF, 500)).isZero();

    assertThat(runIds()).containsExactly("root", "root/child");
  }

  @Test
  void deletesInBatchesOfTheLimitUntilNothingIsLeft() {
    dsl.execute(
        "INSERT INTO "
            + table("sw_runs")
            + " (id, workflow, graph_version, status, input, created_at, updated_at, finished_at,"
            + " version) SELECT CONCAT('old-', CAST(x AS VARCHAR(10))), 'w', 'v1', 'SUCCEEDED',"
            + " '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1 FROM "
            + series(1_200));
    dsl.update(SW_RUNS).set(SW_RUNS.FINISHED_AT, odt(OLD)).execute();

    assertThat(rows.deleteBatch("w", CUTOFF, 500)).isEqualTo(500);
    assertThat(rows.deleteBatch("w", CUTOFF, 500)).isEqualTo(500);
    assertThat(rows.deleteBatch("w", CUTOFF, 500)).isEqualTo(200);
    assertThat(rows.deleteBatch("w", CUTOFF, 500)).isZero();
    assertThat(dsl.fetchCount(SW_RUNS)).isZero();
  }

  @Test
  void aNodeHoldingTheLockMakesTheOthersPassWithoutDeleting() throws Exception {
    finished("done", "w");
    try (Connection other = dataSource().getConnection();
        Statement st = other.createStatement()) {
      other.setAutoCommit(false);
      st.executeQuery(
              "SELECT name FROM "
                  + table("sw_queues")
                  + " WHERE name = '"
                  + RetentionRows.LOCK
                  + "' FOR UPDATE")
          .close();

      assertThat(rows.deleteBatch("w", CUTOFF, 500)).isEqualTo(RetentionRows.LOCKED);
      assertThat(runIds()).containsExactly("done");

      other.rollback();
    }
    assertThat(rows.deleteBatch("w", CUTOFF, 500)).isEqualTo(1);
  }

  /** A table of this test's schema, for SQL written by hand. */
  protected String table(String name) {
    return schema + "." + name;
  }

  /** A FROM item of the integers 1 to n as column x, in this database's syntax. */
  protected abstract String series(int n);
}

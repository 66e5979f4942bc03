package dev.stepwise.runtime.internal;

import static dev.stepwise.runtime.internal.RunRepository.odt;
import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.Rows.RunRow;
import dev.stepwise.runtime.internal.Rows.Task;
import dev.stepwise.runtime.internal.db.tables.records.SwRunsRecord;
import dev.stepwise.runtime.internal.db.tables.records.SwStepsRecord;
import dev.stepwise.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The step rows as a queue ({@link TaskQueue}) and the batched writes of {@link RunRepository},
 * proven once per database: each subclass supplies a DataSource. Every test runs in a fresh schema.
 */
abstract class TaskQueueContract {
  // Whole milliseconds: both databases store microseconds, so values read back compare equal.
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  static final Duration LEASE = Duration.ofSeconds(30);

  protected String schema;
  protected DSLContext dsl;
  protected TaskQueue queue;
  protected RunRepository repo;

  /** The database under test. */
  protected abstract DataSource dataSource();

  /** Aborts (skips) or fails the test when the database is not available. */
  protected void requireDatabase() {}

  @BeforeEach
  void migrate() {
    requireDatabase();
    schema = TestDatabase.randomSchema("tq_");
    dsl = new Database(dataSource(), null, schema).dsl();
    queue = new TaskQueue(dsl);
    repo = new RunRepository(dsl, false);
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (schema != null) {
      TestDatabase.dropSchema(dataSource(), schema);
    }
  }

  // ---- batched writes

  @Test
  void finishStepsRecordsEachOutcomeFencedWithOnePreparedStatement() {
    run("r1", "w", Status.RUNNING, "{}");
    for (String id : List.of("a", "b", "c", "d")) {
      step("r1", id, "w", Status.PENDING, NOW, null);
    }
    List<Task> tasks = queue.claim("node-1", NOW, LEASE, 8, Set.of("w"));
    tasks = tasks.stream().sorted(Comparator.comparing(Task::stepId)).toList();
    Task stale =
        new Task("r1", "d", "w", 1, tasks.get(3).version() + 5, null, tasks.get(3).snapshot());
    StepError error = new StepError("java.lang.IllegalStateException", "boom", "at x");
    List<RunRepository.Finish> finishes =
        List.of(
            new RunRepository.Finish(tasks.get(0), Status.SUCCEEDED, "\"out-a\"", null, null),
            new RunRepository.Finish(tasks.get(1), Status.FAILED, null, error, null),
            new RunRepository.Finish(tasks.get(2), Status.SUSPENDED, null, null, "wait for Ann"),
            new RunRepository.Finish(stale, Status.SUCCEEDED, "\"lost\"", null, null));
    List<String> sql = new CopyOnWriteArrayList<>();
    DSLContext recording = recording(sql);
    Instant done = NOW.plusSeconds(3);

    int[] counts =
        recording.transactionResult(cfg -> repo.finishSteps(cfg.dsl(), finishes, "node-1", done));

    assertThat(counts).containsExactly(1, 1, 1, 0);
    SwStepsRecord a = row("r1", "a");
    assertThat(a.getStatus()).isEqualTo("SUCCEEDED");
    assertThat(a.getOutput()).isEqualTo("\"out-a\"");
    assertThat(a.getLeaseOwner()).isNull();
    assertThat(a.getLeaseUntil()).isNull();
    assertThat(a.getFinishedAt().toInstant()).isEqualTo(done);
    assertThat(a.getVersion()).isEqualTo(2L);
    SwStepsRecord b = row("r1", "b");
    assertThat(b.getStatus()).isEqualTo("FAILED");
    assertThat(b.getErrorType()).isEqualTo(error.type());
    assertThat(b.getErrorMessage()).isEqualTo("boom");
    assertThat(b.getErrorStack()).isEqualTo("at x");
    assertThat(row("r1", "c").getSuspendReason()).isEqualTo("wait for Ann");
    SwStepsRecord d = row("r1", "d");
    assertThat(d.getStatus()).isEqualTo("RUNNING"); // its lease was not the stale task's
    assertThat(d.getOutput()).isNull();
    // One statement with bind markers, not four with their values inlined.
    assertThat(sql).hasSize(1);
    assertThat(sql.get(0)).contains("?").doesNotContain("out-a").doesNotContain("boom");
  }

  @Test
  void setRunStatusesUpdatesEveryRunWithOnePreparedStatement() {
    run("r1", "w", Status.PENDING, "{}");
    run("r2", "w", Status.RUNNING, "{}");
    run("r3", "w", Status.RUNNING, "{}");
    Map<String, Status> statuses = new LinkedHashMap<>();
    statuses.put("r1", Status.RUNNING);
    statuses.put("r2", Status.SUCCEEDED);
    statuses.put("r3", Status.SUSPENDED);
    List<String> sql = new CopyOnWriteArrayList<>();
    Instant later = NOW.plusSeconds(2);

    recording(sql).transaction(cfg -> repo.setRunStatuses(cfg.dsl(), statuses, later));

    SwRunsRecord r1 = runRow("r1");
    assertThat(r1.getStatus()).isEqualTo("RUNNING");
    assertThat(r1.getUpdatedAt().toInstant()).isEqualTo(later);
    assertThat(r1.getFinishedAt()).isNull();
    assertThat(r1.getVersion()).isEqualTo(1L);
    SwRunsRecord r2 = runRow("r2");
    assertThat(r2.getStatus()).isEqualTo("SUCCEEDED");
    assertThat(r2.getFinishedAt().toInstant()).isEqualTo(later);
    assertThat(runRow("r3").getStatus()).isEqualTo("SUSPENDED");
    assertThat(runRow("r3").getFinishedAt()).isNull();
    assertThat(sql).hasSize(1);
    assertThat(sql.get(0)).contains("?").doesNotContain("SUCCEEDED").doesNotContain("r2");
  }

  // ---- helpers

  /** A context on the same database that records the SQL of each statement or batch it runs. */
  private DSLContext recording(List<String> sql) {
    ExecuteListener listener =
        new ExecuteListener() {
          @Override
          public void executeStart(ExecuteContext ctx) {
            if (ctx.batchSQL().length > 0 && ctx.batchSQL()[0] != null) {
              sql.addAll(List.of(ctx.batchSQL()));
            } else if (ctx.sql() != null) {
              sql.add(ctx.sql());
            }
          }
        };
    return dsl.configuration().deriveAppending(listener).dsl();
  }

  protected void run(String id, String workflow, Status status, String input) {
    repo.insertRun(
        dsl,
        new RunRow(
            id, workflow, workflow + "-v1", status, input, null, null, null, NOW, NOW, null));
  }

  protected void step(
      String runId,
      String stepId,
      String workflow,
      Status status,
      Instant notBefore,
      String output) {
    dsl.insertInto(SW_STEPS)
        .set(SW_STEPS.RUN_ID, runId)
        .set(SW_STEPS.STEP_ID, stepId)
        .set(SW_STEPS.WORKFLOW, workflow)
        .set(SW_STEPS.STATUS, status.name())
        .set(SW_STEPS.ATTEMPTS, 0)
        .set(SW_STEPS.NOT_BEFORE, odt(notBefore))
        .set(SW_STEPS.OUTPUT, output)
        .set(SW_STEPS.VERSION, 0L)
        .execute();
  }

  protected SwStepsRecord row(String runId, String stepId) {
    return dsl.selectFrom(SW_STEPS)
        .where(SW_STEPS.RUN_ID.eq(runId).and(SW_STEPS.STEP_ID.eq(stepId)))
        .fetchSingle();
  }

  private SwRunsRecord runRow(String id) {
    return dsl.selectFrom(SW_RUNS).where(SW_RUNS.ID.eq(id)).fetchSingle();
  }
}

package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.db.tables.records.SwRunsRecord;
import dev.stepwise.runtime.internal.db.tables.records.SwStepsRecord;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.Snapshot;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.model.StepKey;
import dev.stepwise.runtime.internal.store.dialect.Dialect;
import dev.stepwise.testing.TestSchema;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The step rows as a queue ({@link TaskQueue}) and the batched writes of {@link RunStore}, proven
 * once per database: each subclass supplies a DataSource. Every test runs in a fresh schema.
 */
abstract class TaskQueueContract {
  // Whole milliseconds: both databases store microseconds, so values read back compare equal.
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  static final Duration LEASE = Duration.ofSeconds(30);
  static final BiPredicate<String, String> ROOT_IS_A = (workflow, stepId) -> stepId.equals("a");

  protected String schema;
  protected DSLContext dsl;
  protected TaskQueue queue;
  protected RunStore repo;

  private TestSchema database;

  /** The database under test, which the class's {@code @StepwiseDatabase} names. */
  protected DataSource dataSource() {
    return database.dataSource();
  }

  @BeforeEach
  void migrate(TestSchema testSchema) {
    this.database = testSchema;
    schema = testSchema.name();
    Database database = new Database(dataSource(), null, schema);
    dsl = database.dsl();
    queue = new TaskQueue(dsl, Dialect.of(database, "node-1").claim());
    repo = new RunStore(dsl);
  }

  // ---- claim

  @Test
  void claimLeasesADueRootAndHandsItTheRunsSnapshotWithoutOutputs() {
    run("r1", "w", Status.PENDING, "{\"order\":1}");
    step("r1", "a", "w", Status.PENDING, NOW.minusSeconds(1), null);

    List<Task> tasks = queue.claim("node-1", NOW, LEASE, 8, Set.of("w"), ROOT_IS_A);

    assertThat(tasks).hasSize(1);
    Task t = tasks.get(0);
    assertThat(t.runId()).isEqualTo("r1");
    assertThat(t.stepId()).isEqualTo("a");
    assertThat(t.workflow()).isEqualTo("w");
    assertThat(t.attempt()).isEqualTo(1);
    assertThat(t.version()).isEqualTo(1L);
    assertThat(t.snapshot())
        .isEqualTo(new Snapshot("w-v1", Status.PENDING, "{\"order\":1}", Map.of()));
    SwStepsRecord row = row("r1", "a");
    assertThat(row.getStatus()).isEqualTo("RUNNING");
    assertThat(row.getLeaseOwner()).isEqualTo("node-1");
    assertThat(row.getLeaseUntil().toInstant()).isEqualTo(NOW.plus(LEASE));
    assertThat(row.getStartedAt().toInstant()).isEqualTo(NOW);
    assertThat(row.getAttempts()).isEqualTo(1);
    assertThat(row.getVersion()).isEqualTo(1L);
  }

  @Test
  void claimOfARetriedStepCountsTheAttemptOnTheRowAndCarriesItsResumePayload() {
    run("r1", "w", Status.RUNNING, "{}");
    step("r1", "a", "w", Status.PENDING, NOW, null);
    dsl.update(SW_STEPS)
        .set(SW_STEPS.ATTEMPTS, 2)
        .set(SW_STEPS.VERSION, 7L)
        .set(SW_STEPS.RESUME_PAYLOAD, "\"yes\"")
        .execute();

    Task t = queue.claim("node-1", NOW, LEASE, 8, Set.of("w"), ROOT_IS_A).get(0);

    assertThat(t.attempt()).isEqualTo(3);
    assertThat(t.version()).isEqualTo(8L);
    assertThat(t.resumePayload()).isEqualTo("\"yes\"");
    assertThat(row("r1", "a").getAttempts()).isEqualTo(3);
    assertThat(row("r1", "a").getVersion()).isEqualTo(8L);
  }

  @Test
  void claimOfAStepAfterOthersCarriesTheOutputsOfItsRunsSucceededStepsOnly() {
    run("r1", "w", Status.RUNNING, "{}");
    step("r1", "a", "w", Status.SUCCEEDED, NOW, "\"from a\"");
    step("r1", "v", "w", Status.SUCCEEDED, NOW, null); // a void step: SQL NULL
    step("r1", "f", "w", Status.FAILED, NOW, "\"not an output\"");
    step("r1", "b", "w", Status.PENDING, NOW, null);
    run("r2", "w", Status.RUNNING, "{}");
    step("r2", "a", "w", Status.SUCCEEDED, NOW, "\"other run\"");
    step("r2", "b", "w", Status.PENDING, NOW.plusSeconds(60), null); // not due

    List<Task> tasks = queue.claim("node-1", NOW, LEASE, 8, Set.of("w"), ROOT_IS_A);

    assertThat(tasks).hasSize(1);
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("a", "\"from a\"");
    expected.put("v", null);
    assertThat(tasks.get(0).snapshot().outputs()).isEqualTo(expected);
    assertThat(tasks.get(0).snapshot().runStatus()).isEqualTo(Status.RUNNING);
  }

  @Test
  void claimTakesOnlyDueStepsOfTheGivenWorkflowsOldestFirstUpToTheLimit() {
    for (int i = 0; i < 5; i++) {
      run("r" + i, "w", Status.PENDING, "{}");
      step("r" + i, "a", "w", Status.PENDING, NOW.minusSeconds(10 - i), null);
    }
    run("late", "w", Status.PENDING, "{}");
    step("late", "a", "w", Status.PENDING, NOW.plusSeconds(1), null);
    run("other", "x", Status.PENDING, "{}");
    step("other", "a", "x", Status.PENDING, NOW.minusSeconds(60), null);
    run("busy", "w", Status.RUNNING, "{}");
    step("busy", "a", "w", Status.RUNNING, NOW.minusSeconds(60), null);

    List<Task> first = queue.claim("node-1", NOW, LEASE, 3, Set.of("w"), ROOT_IS_A);
    List<Task> rest = queue.claim("node-1", NOW, LEASE, 3, Set.of("w"), ROOT_IS_A);

    assertThat(first).extracting(Task::runId).containsExactlyInAnyOrder("r0", "r1", "r2");
    assertThat(rest).extracting(Task::runId).containsExactlyInAnyOrder("r3", "r4");
    assertThat(queue.claim("node-1", NOW, LEASE, 3, Set.of("w"), ROOT_IS_A)).isEmpty();
    assertThat(row("late", "a").getStatus()).isEqualTo("PENDING");
    assertThat(row("other", "a").getStatus()).isEqualTo("PENDING");
    assertThat(row("busy", "a").getVersion()).isZero();
  }

  @Test
  void claimSkipsRowsAnotherTransactionHoldsInsteadOfWaitingForThem() throws Exception {
    run("held", "w", Status.PENDING, "{}");
    step("held", "a", "w", Status.PENDING, NOW.minusSeconds(2), null);
    run("free", "w", Status.PENDING, "{}");
    step("free", "a", "w", Status.PENDING, NOW.minusSeconds(1), null);

    try (Connection other = dataSource().getConnection()) {
      other.setAutoCommit(false);
      try (Statement st = other.createStatement()) {
        st.executeQuery(
                "SELECT run_id FROM "
                    + schema
                    + ".sw_steps WHERE run_id = 'held' AND step_id = 'a' FOR UPDATE")
            .close();
      }
      // Run elsewhere with a deadline: a claim that waited for the lock would time out here.
      List<Task> claimed =
          CompletableFuture.supplyAsync(
                  () -> queue.claim("node-1", NOW, LEASE, 8, Set.of("w"), ROOT_IS_A))
              .get(8, TimeUnit.SECONDS);
      assertThat(claimed).extracting(Task::runId).containsExactly("free");
      other.rollback();
    }
    assertThat(queue.claim("node-2", NOW, LEASE, 8, Set.of("w"), ROOT_IS_A))
        .extracting(Task::runId)
        .containsExactly("held");
  }

  // ---- sweeper

  @Test
  void sweepPutsExpiredLeasesBackInTheQueueAndLeavesLiveOnesAlone() {
    run("r1", "w", Status.RUNNING, "{}");
    step("r1", "expired", "w", Status.PENDING, NOW.minusSeconds(60), null);
    step("r1", "live", "w", Status.PENDING, NOW.minusSeconds(60), null);
    queue.claim("node-1", NOW.minus(LEASE).minusSeconds(1), LEASE, 8, Set.of("w"), ROOT_IS_A);
    dsl.update(SW_STEPS)
        .set(SW_STEPS.LEASE_UNTIL, odt(NOW.plusSeconds(5)))
        .where(SW_STEPS.STEP_ID.eq("live"))
        .execute();

    assertThat(queue.sweepExpired(NOW)).isEqualTo(1);

    SwStepsRecord expired = row("r1", "expired");
    assertThat(expired.getStatus()).isEqualTo("PENDING");
    assertThat(expired.getLeaseOwner()).isNull();
    assertThat(expired.getVersion()).isEqualTo(2L);
    assertThat(row("r1", "live").getStatus()).isEqualTo("RUNNING");
  }

  // ---- batched writes

  @Test
  void finishStepsRecordsEachOutcomeFencedWithOnePreparedStatement() {
    run("r1", "w", Status.RUNNING, "{}");
    for (String id : List.of("a", "b", "c", "d")) {
      step("r1", id, "w", Status.PENDING, NOW, null);
    }
    List<Task> tasks = queue.claim("node-1", NOW, LEASE, 8, Set.of("w"), (w, s) -> true);
    tasks = tasks.stream().sorted(Comparator.comparing(Task::stepId)).toList();
    Task stale =
        new Task("r1", "d", "w", 1, tasks.get(3).version() + 5, null, tasks.get(3).snapshot());
    StepError error = new StepError("java.lang.IllegalStateException", "boom", "at x");
    List<StepStore.Finish> finishes =
        List.of(
            new StepStore.Finish(tasks.get(0), Status.SUCCEEDED, "\"out-a\"", null, null),
            new StepStore.Finish(tasks.get(1), Status.FAILED, null, error, null),
            new StepStore.Finish(tasks.get(2), Status.SUSPENDED, null, null, "wait for Ann"),
            new StepStore.Finish(stale, Status.SUCCEEDED, "\"lost\"", null, null));
    List<String> sql = new CopyOnWriteArrayList<>();
    DSLContext recording = recording(sql);
    Instant done = NOW.plusSeconds(3);

    int[] counts =
        recording.transactionResult(
            cfg -> StepStore.finishSteps(cfg.dsl(), finishes, "node-1", done));

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

  // ---- leases and putting back

  @Test
  void aHeartbeatSkipsAStepRowAnotherTransactionHoldsInsteadOfWaitingForIt() throws Exception {
    run("r1", "w", Status.RUNNING, "{}");
    step("r1", "a", "w", Status.PENDING, NOW, null);
    step("r1", "b", "w", Status.PENDING, NOW, null);
    List<Task> tasks =
        queue.claim("node-1", NOW, LEASE, 8, Set.of("w"), (w, s) -> true).stream()
            .sorted(Comparator.comparing(Task::stepId))
            .toList();
    Instant later = NOW.plus(LEASE).plusSeconds(60);

    int extended;
    // Another transaction holds step a's row, as a commit recording its outcome does.
    try (Connection holder = dataSource().getConnection()) {
      holder.setAutoCommit(false);
      DSLContext other =
          dsl.configuration().derive(new org.jooq.impl.DefaultConnectionProvider(holder)).dsl();
      other
          .selectFrom(SW_STEPS)
          .where(SW_STEPS.RUN_ID.eq("r1").and(SW_STEPS.STEP_ID.eq("a")))
          .forUpdate()
          .fetch();
      // Waiting for the row instead would block here until the holder commits (a deadlock when
      // the holder waits for a row the heartbeat locked).
      extended =
          CompletableFuture.supplyAsync(
                  () ->
                      queue.extendLeases(
                          "node-1",
                          later,
                          tasks.stream().map(t -> new StepKey(t.runId(), t.stepId())).toList()))
              .get(30, TimeUnit.SECONDS);
      holder.rollback();
    }

    assertThat(extended).isEqualTo(1);
    assertThat(row("r1", "a").getLeaseUntil().toInstant()).isEqualTo(NOW.plus(LEASE));
    assertThat(row("r1", "b").getLeaseUntil().toInstant()).isEqualTo(later);
  }

  @Test
  void aStepPutBackIsDueNowWithItsAttemptGivenBack() {
    run("r1", "w", Status.RUNNING, "{}");
    step("r1", "a", "w", Status.PENDING, NOW, null);
    Task t = queue.claim("node-1", NOW, LEASE, 8, Set.of("w"), ROOT_IS_A).get(0);
    Instant later = NOW.plusSeconds(5);

    assertThat(queue.putBack(t, "node-1", later)).isEqualTo(1);

    SwStepsRecord row = row("r1", "a");
    assertThat(row.getStatus()).isEqualTo("PENDING");
    assertThat(row.getAttempts()).isZero();
    assertThat(row.getLeaseOwner()).isNull();
    assertThat(row.getNotBefore().toInstant()).isEqualTo(later);
    // Claimed again, it is attempt 1 once more.
    assertThat(queue.claim("node-1", later, LEASE, 8, Set.of("w"), ROOT_IS_A).get(0).attempt())
        .isEqualTo(1);
  }

  @Test
  void aStepWhoseLeaseWasLostIsNotPutBack() {
    run("r1", "w", Status.RUNNING, "{}");
    step("r1", "a", "w", Status.PENDING, NOW, null);
    Task t = queue.claim("node-1", NOW, LEASE, 8, Set.of("w"), ROOT_IS_A).get(0);
    queue.sweepExpired(NOW.plus(LEASE).plusSeconds(1)); // swept: a new version
    Task again =
        queue
            .claim("node-2", NOW.plus(LEASE).plusSeconds(1), LEASE, 8, Set.of("w"), ROOT_IS_A)
            .get(0);

    assertThat(queue.putBack(t, "node-1", NOW)).isZero();

    SwStepsRecord row = row("r1", "a");
    assertThat(row.getStatus()).isEqualTo("RUNNING");
    assertThat(row.getLeaseOwner()).isEqualTo("node-2");
    assertThat(row.getAttempts()).isEqualTo(again.attempt());
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

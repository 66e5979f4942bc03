package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.flows.ChainFlow;
import dev.stepwise.runtime.flows.ChainFlow.Order;
import dev.stepwise.runtime.flows.RepairFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.Await;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * After a run went wrong: a failed run is retried from where it failed (completed steps not run
 * again, a fresh attempt budget, steps that became ready meanwhile inserted), every failed
 * attempt's error is kept, unreached steps of a failed run say so, runs are listed by filter and
 * page, and bulk operations act on thousands of runs in batches.
 */
abstract class RunLifecycleContract extends EngineContract {

  private WorkflowClient repair(RepairFlow flow) {
    Stepwise e = engine();
    releasedAfter(flow.notifyRelease);
    WorkflowClient client = e.register(new RepairFlow.Definition(flow));
    e.start();
    return client;
  }

  @Test
  void aRetriedRunSkipsItsCompletedStepsAndCountsAttemptsAfresh() {
    RepairFlow flow = new RepairFlow();
    WorkflowClient client = repair(flow);
    String runId = client.start("o-1", StartOptions.defaults());
    RunStatus failed = client.awaitCompletion(runId, WAIT);
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.step("charge").orElseThrow().attempts()).isEqualTo(2);
    // notify finishes after the failure; audit, after it, is never reached while the run is failed
    flow.notifyRelease.countDown();
    Await.until(
        "notify is recorded",
        WAIT,
        () -> client.status(runId).step("notify").orElseThrow().status() == Status.SUCCEEDED);
    RunStatus stopped = client.status(runId);
    assertThat(stopped.step("ship").orElseThrow().status()).isEqualTo(Status.NOT_REACHED);
    assertThat(stopped.step("audit").orElseThrow().status()).isEqualTo(Status.NOT_REACHED);

    flow.broken = false;
    assertThat(client.retry(runId)).isTrue();
    RunStatus done = client.awaitCompletion(runId, WAIT);

    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(done.failedStep()).isNull();
    assertThat(done.step("charge").orElseThrow().attempts()).isEqualTo(1);
    assertThat(flow.executions("fetch")).isEqualTo(1);
    assertThat(flow.executions("notify")).isEqualTo(1);
    assertThat(flow.executions("charge")).isEqualTo(3);
    assertThat(flow.executions("ship")).isEqualTo(1);
    assertThat(flow.executions("audit")).isEqualTo(1);
    // Both failed attempts' errors are kept, though the step succeeded since.
    List<AttemptError> errors = client.errors(runId, "charge");
    assertThat(errors).extracting(AttemptError::attempt).containsExactly(1, 2);
    assertThat(errors.get(0).error().message()).isEqualTo("card service down (attempt 1)");
    assertThat(errors.get(1).error().type()).isEqualTo(IllegalStateException.class.getName());
  }

  @Test
  void aRunThatIsNotFailedOrCancelledIsNotRetried_andAnUnknownOneIsNotFound() {
    Stepwise e = engine();
    WorkflowClient client = e.register(new ChainFlow.Definition(new ChainFlow()));
    e.start();
    String runId = client.start(new Order("o", 1), StartOptions.defaults());
    assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);

    assertThat(client.retry(runId)).isFalse();
    assertThat(client.status(runId).status()).isEqualTo(Status.SUCCEEDED);
    assertThatThrownBy(() -> client.retry("no-such-run")).isInstanceOf(RunNotFoundException.class);
  }

  @Test
  void aCancelledRunIsRetriedAndFinishes() {
    RepairFlow flow = new RepairFlow();
    flow.broken = false;
    WorkflowClient client = repair(flow);
    String runId = client.start("o-2", StartOptions.defaults());
    Await.until("notify runs", WAIT, () -> flow.executions("notify") == 1);
    assertThat(client.cancel(runId)).isTrue();
    flow.notifyRelease.countDown();
    assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.CANCELLED);

    assertThat(client.retry(runId)).isTrue();

    RunStatus done = client.awaitCompletion(runId, WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.executions("fetch")).isEqualTo(1);
  }

  @Test
  void aForkCopiesExactlyTheStepsBeforeItsStepAndRunsTheRest() {
    RepairFlow flow = new RepairFlow();
    flow.broken = false;
    flow.notifyRelease.countDown();
    WorkflowClient client = repair(flow);
    String source = client.start("o-7", StartOptions.defaults());
    assertThat(client.awaitCompletion(source, WAIT).status()).isEqualTo(Status.SUCCEEDED);

    String fork = client.fork(source, ForkOptions.from("charge").runId("o-7-again"));
    RunStatus forked = client.awaitCompletion(fork, WAIT);

    assertThat(fork).isEqualTo("o-7-again");
    assertThat(forked.status()).isEqualTo(Status.SUCCEEDED);
    // fetch, notify and audit are not downstream of charge: copied, not run again.
    assertThat(flow.executions("fetch")).isEqualTo(1);
    assertThat(flow.executions("notify")).isEqualTo(1);
    assertThat(flow.executions("audit")).isEqualTo(1);
    assertThat(flow.executions("charge")).isEqualTo(2);
    assertThat(flow.executions("ship")).isEqualTo(2);
    assertThat(client.stepResult(forked, "ship", String.class).output())
        .isEqualTo("shipped charged fetched o-7");
    assertThat(client.list(RunQuery.all().runIdPrefix("o-7-again")).runs().get(0).forkedFrom())
        .isEqualTo(source + "@charge");
    assertThat(client.status(source).status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void aForkCanReplaceAnEarlierStepsOutputOrTheInput() {
    RepairFlow flow = new RepairFlow();
    flow.broken = false;
    flow.notifyRelease.countDown();
    WorkflowClient client = repair(flow);
    String source = client.start("o-8", StartOptions.defaults());
    client.awaitCompletion(source, WAIT);

    String whatIf =
        client.fork(source, ForkOptions.from("ship").withOutput("charge", "charged twice"));
    assertThat(
            client.stepResult(client.awaitCompletion(whatIf, WAIT), "ship", String.class).output())
        .isEqualTo("shipped charged twice");
    String other = client.fork(source, ForkOptions.from("fetch").withInput("o-9"));
    assertThat(
            client.stepResult(client.awaitCompletion(other, WAIT), "ship", String.class).output())
        .isEqualTo("shipped charged fetched o-9");

    assertThatThrownBy(() -> client.fork(source, ForkOptions.from("pack")))
        .isInstanceOf(StepwiseException.class)
        .hasMessageContaining("has no step \"pack\" to fork from");
    assertThatThrownBy(
            () -> client.fork(source, ForkOptions.from("charge").withOutput("ship", "x")))
        .isInstanceOf(StepwiseException.class)
        .hasMessageContaining("only steps before the fork point are copied");
    assertThatThrownBy(() -> client.fork(source, ForkOptions.from("charge").runId(source)))
        .isInstanceOf(StepwiseException.class)
        .hasMessageContaining("is taken");
  }

  @Test
  void runsAreListedByFilterAndPageWithoutRepeatsOrGaps() {
    Stepwise e = engine();
    WorkflowClient client = e.register(new ChainFlow.Definition(new ChainFlow()));
    e.start();
    Set<String> started = new HashSet<>();
    for (int i = 0; i < 25; i++) {
      String id = (i % 5 == 0 ? "vip-" : "std-") + i;
      started.add(client.start(new Order("o" + i, 1), StartOptions.withRunId(id)));
    }
    for (String id : started) {
      client.awaitCompletion(id, WAIT);
    }

    List<String> seen = new ArrayList<>();
    RunQuery query = RunQuery.all().limit(10);
    RunPage page = client.list(query);
    int pages = 1;
    while (true) {
      page.runs().forEach(r -> seen.add(r.runId()));
      if (page.next() == null) {
        break;
      }
      page = client.list(query.after(page.next()));
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen)
        .hasSize(25)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(started);
    assertThat(client.list(RunQuery.all().runIdPrefix("vip-")).runs())
        .extracting(RunSummary::runId)
        .containsExactlyInAnyOrder("vip-0", "vip-5", "vip-10", "vip-15", "vip-20");
    assertThat(client.list(RunQuery.all().status(Status.FAILED)).runs()).isEmpty();
    assertThat(client.list(RunQuery.all().status(Status.SUCCEEDED)).runs()).hasSize(25);
    assertThatThrownBy(() -> client.list(RunQuery.all().after("not a cursor")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.after");
  }

  @Test
  void bulkCancelCancelsTenThousandRunsInBatches() throws Exception {
    Stepwise e = engine(); // never started: the runs stay queued until cancelled
    WorkflowClient client = e.register(new ChainFlow.Definition(new ChainFlow()));
    seedPendingRuns("chain", "bulk-", 10_000);

    int cancelled = client.cancelAll(RunQuery.all().limit(500));

    assertThat(cancelled).isEqualTo(10_000);
    assertThat(count("SELECT count(*) FROM %s.sw_runs WHERE status = 'CANCELLED'"))
        .isEqualTo(10_000);
    assertThat(count("SELECT count(*) FROM %s.sw_steps WHERE status <> 'CANCELLED'")).isZero();
    assertThat(client.cancelAll(RunQuery.all().limit(500))).isZero();
  }

  @Test
  void bulkDeleteRemovesFinishedRunsWithWhatBelongsToThemAndKeepsActiveOnes() throws Exception {
    RepairFlow flow = new RepairFlow();
    WorkflowClient client = repair(flow);
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      failed.add(client.start("f" + i, StartOptions.defaults()));
    }
    for (String id : failed) {
      assertThat(client.awaitCompletion(id, WAIT).status()).isEqualTo(Status.FAILED);
    }
    flow.notifyRelease.countDown();
    Await.until(
        "every notify is recorded",
        WAIT,
        () ->
            failed.stream()
                .allMatch(
                    id ->
                        client.status(id).step("notify").orElseThrow().status()
                            == Status.SUCCEEDED));
    Stepwise idle = engine(); // not started: its runs stay active
    WorkflowClient chains = idle.register(new ChainFlow.Definition(new ChainFlow()));
    String active = chains.start(new Order("a", 1), StartOptions.defaults());

    assertThat(client.deleteAll(RunQuery.all().status(Status.FAILED).limit(2))).isEqualTo(3);
    assertThat(chains.deleteAll(RunQuery.all())).isZero();

    for (String id : failed) {
      assertThatThrownBy(() -> client.status(id)).isInstanceOf(RunNotFoundException.class);
    }
    assertThat(count("SELECT count(*) FROM %s.sw_steps WHERE workflow = 'repair'")).isZero();
    assertThat(count("SELECT count(*) FROM %s.sw_step_errors")).isZero();
    assertThat(chains.status(active).status()).isEqualTo(Status.PENDING);
  }

  @Test
  void bulkRetryRetriesEveryFailedRunOfAnErrorType() {
    RepairFlow flow = new RepairFlow();
    WorkflowClient client = repair(flow);
    flow.notifyRelease.countDown();
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(client.start("r" + i, StartOptions.defaults()));
    }
    for (String id : runs) {
      assertThat(client.awaitCompletion(id, WAIT).status()).isEqualTo(Status.FAILED);
    }
    flow.broken = false;

    int retried =
        client.retryAll(RunQuery.all().errorType(IllegalStateException.class.getName()).limit(3));

    assertThat(retried).isEqualTo(4);
    for (String id : runs) {
      assertThat(client.awaitCompletion(id, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    }
  }

  /** Stores {@code n} runs with one PENDING root step each, in one JDBC batch per table. */
  private void seedPendingRuns(String workflow, String prefix, int n) throws Exception {
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement runs =
              c.prepareStatement(
                  "INSERT INTO "
                      + schema
                      + ".sw_runs (id, workflow, graph_version, status, input, created_at,"
                      + " updated_at, version) VALUES (?, ?, 'chain-v1', 'PENDING',"
                      + " '{\"id\":\"o\",\"quantity\":1}', ?, ?, 0)");
          PreparedStatement steps =
              c.prepareStatement(
                  "INSERT INTO "
                      + schema
                      + ".sw_steps (run_id, step_id, workflow, status, attempts, not_before,"
                      + " version) VALUES (?, 'reserve', ?, 'PENDING', 0, ?, 0)")) {
        for (int i = 0; i < n; i++) {
          String id = prefix + i;
          runs.setString(1, id);
          runs.setString(2, workflow);
          runs.setTimestamp(3, now);
          runs.setTimestamp(4, now);
          runs.addBatch();
          steps.setString(1, id);
          steps.setString(2, workflow);
          steps.setTimestamp(3, now);
          steps.addBatch();
        }
        runs.executeBatch();
        steps.executeBatch();
      }
      c.commit();
    }
  }

  private long count(String sql) throws Exception {
    try (Connection c = dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(String.format(sql, schema))) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

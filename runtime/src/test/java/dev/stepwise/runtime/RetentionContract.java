package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.flows.QueuedFlow;
import dev.stepwise.runtime.flows.QueuedFlow.Job;
import dev.stepwise.runtime.spi.FlowControl;
import dev.stepwise.runtime.spi.QueueSpec;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Contract;
import dev.stepwise.testing.Await;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Retention: finished runs older than their workflow's retention (else the engine's) are deleted
 * with their steps; newer and active runs stay. Runs are aged by setting {@code finished_at} in the
 * past with SQL; the sweeper's first round comes when an engine starts, so each test starts the
 * sweeping engine after the runs are in place.
 */
abstract class RetentionContract extends EngineContract {
  private static final Duration DAY = Duration.ofDays(1);

  /** A definition as the processor generates it for {@code @Workflow(retention = ...)}. */
  private static final class Retained implements WorkflowDefinition {
    private final WorkflowDefinition definition;
    private final Duration retention;

    Retained(WorkflowDefinition definition, Duration retention) {
      this.definition = definition;
      this.retention = retention;
    }

    @Override
    public WorkflowGraph graph() {
      return definition.graph();
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation invocation) throws Exception {
      return definition.invokeStep(stepId, invocation);
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation invocation) throws Exception {
      return definition.evaluateCondition(name, invocation);
    }

    @Override
    public List<Contract<?>> contracts() {
      return definition.contracts();
    }

    @Override
    public FlowControl flowControl() {
      return definition.flowControl();
    }

    @Override
    public List<QueueSpec> queues() {
      return definition.queues();
    }

    @Override
    public Optional<Duration> retention() {
      return Optional.ofNullable(retention);
    }
  }

  private static WorkflowDefinition flow(String name, Duration retention) {
    QueuedFlow flow = new QueuedFlow();
    flow.hold = Duration.ZERO;
    return new Retained(new QueuedFlow.Definition(flow, name, null, FlowControl.NONE), retention);
  }

  /** Runs {@code n} runs of the workflow to completion on an engine without retention. */
  private List<String> finishedRuns(WorkflowClient client, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = client.start(new Job("k", i), StartOptions.defaults());
      assertThat(client.awaitCompletion(id, WAIT).status()).isEqualTo(Status.SUCCEEDED);
      ids.add(id);
    }
    return ids;
  }

  private void finishedAgo(List<String> runIds, Duration ago) throws SQLException {
    try (Connection c = dataSource().getConnection();
        PreparedStatement st =
            c.prepareStatement("UPDATE " + schema + ".sw_runs SET finished_at = ? WHERE id = ?")) {
      for (String id : runIds) {
        st.setTimestamp(1, Timestamp.from(Instant.now().minus(ago)));
        st.setString(2, id);
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  private int count(String sql) {
    try (Connection c = dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql.replace("{s}", schema))) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private int runsOf(String workflow) {
    return count("SELECT COUNT(*) FROM {s}.sw_runs WHERE workflow = '" + workflow + "'");
  }

  private int stepsOf(List<String> runIds) {
    return count(
        "SELECT COUNT(*) FROM {s}.sw_steps WHERE run_id IN ('"
            + String.join("', '", runIds)
            + "')");
  }

  @Test
  void finishedRunsOlderThanTheRetentionAreDeletedWithTheirStepsAndTheOthersKept()
      throws Exception {
    Stepwise runner = engine();
    WorkflowClient client = runner.register(flow("orders", null));
    runner.start();
    List<String> old = finishedRuns(client, 3);
    List<String> recent = finishedRuns(client, 2);
    finishedAgo(old, Duration.ofDays(2));
    finishedAgo(recent, Duration.ofHours(1));
    QueuedFlow blocked = new QueuedFlow();
    blocked.blocks = job -> true;
    releasedAfter(blocked.release);
    WorkflowClient active =
        runner.register(new QueuedFlow.Definition(blocked, "active", null, FlowControl.NONE));
    String running = active.start(new Job("k", 1), StartOptions.defaults());
    assertThat(blocked.blockedStarted.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(stepsOf(old)).isEqualTo(6);

    Stepwise sweeping = engine(b -> b.retention(DAY));
    sweeping.register(flow("orders", null));
    sweeping.register(flow("active", null));
    sweeping.start();

    Await.until("the old runs are deleted", WAIT, () -> runsOf("orders") == 2);
    assertThat(stepsOf(old)).isZero();
    assertThat(stepsOf(recent)).isEqualTo(4);
    assertThat(client.status(recent.get(0)).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(active.status(running).status()).isEqualTo(Status.RUNNING);
  }

  @Test
  void aWorkflowsOwnRetentionOverridesTheEnginesDefault() throws Exception {
    Stepwise runner = engine();
    WorkflowClient shortLived = runner.register(flow("short-lived", null));
    WorkflowClient longLived = runner.register(flow("long-lived", null));
    WorkflowClient byDefault = runner.register(flow("by-default", null));
    runner.start();
    List<String> all = new ArrayList<>(finishedRuns(shortLived, 2));
    all.addAll(finishedRuns(longLived, 2));
    all.addAll(finishedRuns(byDefault, 2));
    finishedAgo(all, Duration.ofDays(5));

    // The default keeps runs ten days; one workflow keeps them a day, another thirty.
    Stepwise sweeping = engine(b -> b.retention(Duration.ofDays(10)));
    sweeping.register(flow("short-lived", DAY));
    sweeping.register(flow("long-lived", Duration.ofDays(30)));
    sweeping.register(flow("by-default", null));
    sweeping.start();

    Await.until("the short-lived runs are deleted", WAIT, () -> runsOf("short-lived") == 0);
    assertThat(runsOf("long-lived")).isEqualTo(2);
    assertThat(runsOf("by-default")).isEqualTo(2);
  }

  @Test
  void twoEnginesSweepingAtOnceDeleteEveryOldRunInBatchesAndKeepTheRest() throws Exception {
    Stepwise runner = engine();
    WorkflowClient client = runner.register(flow("bulk", null));
    runner.start();
    List<String> recent = finishedRuns(client, 2);
    // More runs than three batches, aged by SQL: running them would take the test's time.
    try (Connection c = dataSource().getConnection();
        Statement st = c.createStatement()) {
      for (int i = 0; i < 1_600; i++) {
        st.addBatch(
            "INSERT INTO "
                + schema
                + ".sw_runs (id, workflow, graph_version, status, input, created_at, updated_at,"
                + " finished_at, version) VALUES ('old-"
                + i
                + "', 'bulk', 'seed', 'SUCCEEDED', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP, 1)");
        st.addBatch(
            "INSERT INTO "
                + schema
                + ".sw_steps (run_id, step_id, workflow, status, attempts, not_before, version)"
                + " VALUES ('old-"
                + i
                + "', 'call', 'bulk', 'SUCCEEDED', 1, CURRENT_TIMESTAMP, 1)");
      }
      st.executeBatch();
      st.executeUpdate(
          "UPDATE "
              + schema
              + ".sw_runs SET finished_at = finished_at - INTERVAL '3' DAY WHERE id LIKE 'old-%'");
    }

    for (String node : List.of("sweeper-1", "sweeper-2")) {
      Stepwise sweeping = engine(b -> b.retention(DAY).nodeId(node));
      sweeping.register(flow("bulk", null));
      sweeping.start();
    }

    Await.until("every old run is deleted", WAIT, () -> runsOf("bulk") == 2);
    assertThat(count("SELECT COUNT(*) FROM {s}.sw_steps WHERE run_id LIKE 'old-%'")).isZero();
    assertThat(stepsOf(recent)).isEqualTo(4);
  }
}

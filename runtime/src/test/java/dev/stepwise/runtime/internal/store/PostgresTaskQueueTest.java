package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.testing.DatabaseKind.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.store.dialect.PgClaim;
import dev.stepwise.testing.StepwiseDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The queue contract on PostgreSQL (the one-statement claim), and the plans of the claim and the
 * sweeper over V4's partial indexes. Skipped when PostgreSQL is unreachable, unless {@code
 * stepwise.requirePostgres=true}.
 */
@StepwiseDatabase(POSTGRES)
class PostgresTaskQueueTest extends TaskQueueContract {
  @Test
  void theClaimAndTheSweeperHavePartialIndexesAndTheClaimsLeavesQueuedRowsOut()
      throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = '"
                    + schema
                    + "' AND tablename = 'sw_steps'")) {
      List<String> definitions = new ArrayList<>();
      while (rs.next()) {
        definitions.add(rs.getString(1) + ": " + rs.getString(2));
      }
      assertThat(definitions)
          .anyMatch(
              d ->
                  d.startsWith("sw_steps_ready_ix:")
                      && d.endsWith("'PENDING'::text) AND (queue IS NULL))"))
          .anyMatch(d -> d.startsWith("sw_steps_running_ix:") && d.endsWith("'RUNNING'::text)"))
          .noneMatch(d -> d.startsWith("sw_steps_claim_ix:") || d.startsWith("sw_steps_lease_ix:"))
          .noneMatch(d -> d.startsWith("sw_steps_pending_ix:"));
    }
  }

  /**
   * A partial index serves a statement only if the planner can prove its predicate from the
   * statement's: with {@code status = $1} a generic plan (which pgjdbc's server-prepared statements
   * end up with) cannot, so the status must be a literal in the SQL.
   */
  @Test
  void claimAndSweepUseThePartialIndexesEvenInAGenericPlan() throws SQLException {
    for (int i = 0; i < 200; i++) {
      run("done" + i, "w", Status.SUCCEEDED, "{}");
      step("done" + i, "a", "w", Status.SUCCEEDED, NOW, "1");
    }
    run("r1", "w", Status.PENDING, "{}");
    step("r1", "a", "w", Status.PENDING, NOW, null);

    String claimPlan =
        genericPlan(
            new PgClaim(dsl).claimReturningQuery("node-1", NOW, LEASE, 8, Set.of("w", "x")));
    String sweepPlan = genericPlan(queue.sweepQuery(NOW));

    assertThat(claimPlan).contains("Index Scan using sw_steps_ready_ix");
    assertThat(sweepPlan).contains("Index Scan using sw_steps_running_ix");
  }

  @Test
  void timerQueriesUseThePartialWaitingIndexEvenInAGenericPlan() throws SQLException {
    for (int i = 0; i < 200; i++) {
      run("done" + i, "w", Status.SUCCEEDED, "{}");
      step("done" + i, "a", "w", Status.SUCCEEDED, NOW, "1");
    }
    run("r1", "w", Status.RUNNING, "{}");
    step("r1", "later", "w", Status.WAITING, NOW, null);
    dsl.update(SW_STEPS)
        .set(SW_STEPS.WAIT_UNTIL, SqlValues.odt(NOW.plusSeconds(60)))
        .where(SW_STEPS.RUN_ID.eq("r1"))
        .execute();

    String duePlan = genericPlan(TimerRows.dueQuery(dsl, NOW, Set.of("w", "x")));
    String nextPlan = genericPlan(TimerRows.nextDueQuery(dsl, Set.of("w", "x")));

    assertThat(duePlan).contains("sw_steps_waiting_ix");
    assertThat(nextPlan).contains("sw_steps_waiting_ix");
  }

  /** EXPLAIN of {@code query} as a prepared statement forced to its generic plan. */
  private String genericPlan(Query query) throws SQLException {
    // $1, $2, … as PREPARE wants them; unqualified names, found through the search path.
    Settings dollars =
        new Settings()
            .withRenderNamedParamPrefix("$")
            .withRenderQuotedNames(RenderQuotedNames.NEVER);
    String sql = DSL.using(SQLDialect.POSTGRES, dollars).renderNamedParams(query);
    String args =
        query.getBindValues().stream()
            .map(v -> v == null ? "NULL" : "'" + v.toString().replace("'", "''") + "'")
            .collect(Collectors.joining(", "));
    try (Connection c = dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("SET search_path TO " + schema);
      st.execute("ANALYZE sw_steps");
      st.execute("SET plan_cache_mode TO force_generic_plan");
      // Small tables: without this a sequential scan would win for any predicate.
      st.execute("SET enable_seqscan TO off");
      try {
        st.execute("PREPARE q AS " + sql);
      } catch (SQLException e) {
        throw new AssertionError("cannot prepare " + sql, e);
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = st.executeQuery("EXPLAIN EXECUTE q(" + args + ")")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      st.execute("DEALLOCATE q");
      st.execute("RESET ALL");
      return plan.toString();
    }
  }
}

package dev.stepwise.test;

import static dev.stepwise.test.StepwiseAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.test.flows.LedgerFlow;
import dev.stepwise.test.flows.LedgerFlowResult;
import dev.stepwise.test.flows.LedgerFlowRunner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application's own tables on the engine's database: its migration runs on {@code
 * Stepwise.dataSource()}, and a transactional step writes to them in the transaction that records
 * its result.
 */
class OwnTablesTest {
  @RegisterExtension final StepwiseTestEngine stepwise = new StepwiseTestEngine();

  @Test
  void aTransactionalStepWritesToATableTheApplicationCreated() throws SQLException {
    DataSource db = stepwise.engine().dataSource();
    execute(db, "CREATE TABLE ledger (entry VARCHAR(100) NOT NULL)"); // the application's migration
    LedgerFlowRunner ledger = new LedgerFlowRunner(stepwise.engine(), new LedgerFlow());

    LedgerFlowResult done = stepwise.awaitCompletion(ledger.startAsync("coffee, 3.20"));

    assertThat(done.run()).succeeded().step("book").succeededAfterAttempts(1);
    assertThat(done.book().output()).isEqualTo(1);
    assertThat(entries(db)).containsExactly("coffee, 3.20");
  }

  @Test
  void theApplicationsFlywayMigrationsRunNextToTheEngines() throws SQLException {
    // The engine keeps its history in sw_schema_history; the application's Flyway keeps its own,
    // and starts from version 0 since the engine's tables are there already.
    MigrateResult migrated =
        Flyway.configure()
            .dataSource(stepwise.dataSource())
            .locations("classpath:db/app")
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
    assertThat(migrated.migrationsExecuted).isEqualTo(1);
    execute(stepwise.dataSource(), "INSERT INTO invoices VALUES ('2026-001', 4200)");

    assertThat(count(stepwise.dataSource(), "invoices")).isEqualTo(1);
  }

  private static int count(DataSource db, String table) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      r.next();
      return r.getInt(1);
    }
  }

  private static void execute(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> entries(DataSource db) throws SQLException {
    List<String> entries = new ArrayList<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT entry FROM ledger")) {
      while (r.next()) {
        entries.add(r.getString(1));
      }
    }
    return entries;
  }
}

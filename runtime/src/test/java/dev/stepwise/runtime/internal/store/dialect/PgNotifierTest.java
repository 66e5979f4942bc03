package dev.stepwise.runtime.internal.store.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * LISTEN/NOTIFY between two nodes on PostgreSQL: what one announces, the other hears, and a node
 * does not hear itself. Skipped without PostgreSQL unless {@code stepwise.requirePostgres=true}.
 */
class PgNotifierTest {
  private static final String URL =
      System.getProperty("stepwise.pgUrl", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String USER = System.getProperty("stepwise.pgUser", "postgres");

  @Test
  void aChangeAnnouncedByOneNodeIsHeardByTheOther() throws Exception {
    HikariDataSource ds;
    try {
      HikariConfig c = new HikariConfig();
      c.setJdbcUrl(URL);
      c.setUsername(USER);
      c.setMaximumPoolSize(4);
      c.setConnectionTimeout(5000);
      ds = new HikariDataSource(c);
    } catch (RuntimeException e) {
      if (Boolean.getBoolean("stepwise.requirePostgres")) {
        fail("PostgreSQL is required but unreachable at " + URL + ": " + e);
      }
      assumeTrue(false, "PostgreSQL unreachable at " + URL);
      return;
    }
    String schema = "n_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    List<String> heardByB = new CopyOnWriteArrayList<>();
    List<String> heardByA = new CopyOnWriteArrayList<>();
    try (ds;
        PgNotifier a = new PgNotifier(ds, schema, "a", heardByA::add);
        PgNotifier b = new PgNotifier(ds, schema, "b", heardByB::add)) {
      a.listen();
      b.listen();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      // Re-announce until heard: B's LISTEN may not be registered the first time.
      while (!heardByB.contains("run-1") && System.nanoTime() < deadline) {
        a.announce("run-1");
        TimeUnit.MILLISECONDS.sleep(50); // the test's polling interval, not an assertion
      }
      assertThat(heardByB).contains("run-1");
      assertThat(heardByA).doesNotContain("run-1");
    }
  }
}

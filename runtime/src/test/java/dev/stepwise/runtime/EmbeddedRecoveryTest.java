package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.flows.BlockingFlow;
import dev.stepwise.runtime.flows.ChainFlow;
import dev.stepwise.runtime.flows.ChainFlow.Order;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.Await;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database after H2 closed it: after a fatal error in its store (a commit that ran out
 * of memory), H2 closes the database under every open connection, and each of their statements
 * fails from then on. The engine's pool must drop them, so that new connections reopen the file and
 * the engine goes on, instead of failing every call until the JVM restarts.
 */
class EmbeddedRecoveryTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aCommitOnTheClosedDatabaseFailsAndTheEngineReopensItAndGoesOn(@TempDir Path dir)
      throws Exception {
    BlockingFlow blocking = new BlockingFlow();
    try (Stepwise engine =
        Stepwise.builder()
            .embedded(dir)
            .workers(2)
            .lease(Duration.ofMillis(500))
            .pollInterval(Duration.ofMillis(50))
            .shutdownTimeout(Duration.ofSeconds(2))
            .build()) {
      WorkflowClient blocked = engine.register(new BlockingFlow.Definition(blocking));
      WorkflowClient chain = engine.register(new ChainFlow.Definition(new ChainFlow()));
      engine.start();
      String interrupted = blocked.start("a", StartOptions.withRunId("interrupted"));
      assertThat(blocking.slowStarted.await(30, TimeUnit.SECONDS)).isTrue();

      // What H2 does after a fatal error in its store, done here by hand: the database is closed
      // under every connection of the engine's pool, without a clean shutdown.
      closeImmediately(dir);
      // The step's attempt now returns, and its commit meets the closed database and fails.
      blocking.release.countDown();
      assertThat(blocking.firstAttemptReturned.await(30, TimeUnit.SECONDS)).isTrue();

      // The calls that meet a connection of the closed database fail (and make the pool drop
      // them all); the next ones reopen the file.
      Await.until("the engine reaches its database again", WAIT, () -> reachable(chain));
      String next = chain.start(new Order("after", 1), StartOptions.defaults());
      assertThat(chain.awaitCompletion(next, WAIT).status()).isEqualTo(Status.SUCCEEDED);

      // The step whose commit failed is put back in the queue (its attempt given back: the
      // database failed, not the step), runs again, and its run finishes.
      RunStatus s = blocked.awaitCompletion(interrupted, WAIT);
      assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
      assertThat(s.step("slow").orElseThrow().attempts()).isEqualTo(1);
      assertThat(blocked.stepResult(s, "last", String.class).output())
          .isEqualTo("a slow on attempt 1, last");
    }
  }

  /** Closes the embedded database from a connection of its own, as a panic of its store does. */
  private static void closeImmediately(Path dir) throws SQLException {
    String url = "jdbc:h2:file:" + dir.resolve("stepwise");
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN IMMEDIATELY");
    }
  }

  private static boolean reachable(WorkflowClient client) {
    try {
      client.list(1);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}

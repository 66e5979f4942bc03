package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.flows.ApprovalFlow;
import dev.stepwise.runtime.flows.ApprovalFlow.Decision;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.Await;
import dev.stepwise.testing.StepwiseDatabase;
import dev.stepwise.testing.TcpProxy;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestSchema;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * While the database is unreachable every call answers within its own timeout, or within the
 * database timeout, with an exception that says the database is unavailable; once it is back the
 * engine goes on. The outage is a proxy in front of the shared PostgreSQL, taken down.
 */
@StepwiseDatabase(POSTGRES)
class PostgresOutageTest {
  private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(1);
  // Generous on purpose: before, these calls took 30 to 90 seconds.
  private static final Duration SLACK = Duration.ofSeconds(5);

  private TcpProxy proxy;
  private Stepwise engine;
  private WorkflowClient client;

  @BeforeEach
  void engineBehindAProxy(TestSchema schema) {
    URI server = URI.create(TestDatabase.PG_URL.substring("jdbc:".length()));
    proxy = new TcpProxy(server.getHost(), server.getPort());
    String url = "jdbc:postgresql://" + server.getHost() + ":" + proxy.port() + server.getPath();
    engine =
        Stepwise.builder()
            .jdbcUrl(url, TestDatabase.PG_USER)
            .schema(schema.name())
            .workers(2)
            .pollInterval(Duration.ofMillis(100))
            .lease(Duration.ofSeconds(2))
            .databaseTimeout(DATABASE_TIMEOUT)
            .shutdownTimeout(Duration.ofSeconds(2))
            .build();
    client = engine.register(new ApprovalFlow.Definition(new ApprovalFlow()));
    engine.start();
  }

  @AfterEach
  void closeAll() {
    proxy.up();
    engine.close();
    proxy.close();
  }

  @Test
  void awaitCompletionKeepsToItsTimeoutAndSaysTheDatabaseIsUnavailable() {
    String runId = client.start("order-1", StartOptions.defaults());
    assertThat(client.awaitSettled(runId, Duration.ofSeconds(30)).status())
        .isEqualTo(Status.SUSPENDED);
    proxy.down();

    Duration timeout = Duration.ofSeconds(2);
    Instant before = Instant.now();
    assertThatThrownBy(() -> client.awaitCompletion(runId, timeout))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("Could not wait for run " + runId)
        .hasMessageContaining("the database is unavailable")
        .hasMessageNotContaining("Connection is not available");
    assertThat(Duration.between(before, Instant.now())).isLessThan(timeout.plus(SLACK));
  }

  @Test
  void startStatusResumeAndCancelFailWithinTheDatabaseTimeoutAndTheEngineGoesOnAfterwards() {
    String runId = client.start("order-2", StartOptions.defaults());
    assertThat(client.awaitSettled(runId, Duration.ofSeconds(30)).status())
        .isEqualTo(Status.SUSPENDED);
    proxy.down();

    assertUnavailableWithinTheTimeout(
        () -> client.start("order-3", StartOptions.defaults()), "Could not start a run");
    assertUnavailableWithinTheTimeout(() -> client.status(runId), "Could not read the status");
    assertUnavailableWithinTheTimeout(
        () -> client.resume(runId, "approve", new Decision(true, "Ann")),
        "Could not resume step \"approve\"");
    assertUnavailableWithinTheTimeout(() -> client.cancel(runId), "Could not cancel run");

    proxy.up();
    // Nothing above half-happened: the run is still suspended, and resumes now.
    Await.until(
        "the database answers again",
        Duration.ofSeconds(60),
        () -> {
          try {
            return client.status(runId).status() == Status.SUSPENDED;
          } catch (DatabaseUnavailableException e) {
            return false;
          }
        });
    client.resume(runId, "approve", new Decision(true, "Ann"));
    assertThat(client.awaitCompletion(runId, Duration.ofSeconds(30)).status())
        .isEqualTo(Status.SUCCEEDED);
  }

  private static void assertUnavailableWithinTheTimeout(Runnable call, String message) {
    Instant before = Instant.now();
    assertThatThrownBy(call::run)
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining(message)
        .hasMessageContaining("the database is unavailable");
    assertThat(Duration.between(before, Instant.now())).isLessThan(DATABASE_TIMEOUT.plus(SLACK));
  }
}

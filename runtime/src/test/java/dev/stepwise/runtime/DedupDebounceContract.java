package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.flows.QueuedFlow;
import dev.stepwise.runtime.flows.QueuedFlow.Job;
import dev.stepwise.runtime.spi.FlowControl;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Deduplication (a start whose id's run is queued or running returns that run) and debounce (a
 * burst of starts with one key runs once, with the last input), under concurrent starts too.
 */
abstract class DedupDebounceContract extends EngineContract {

  private Stepwise engine;

  private WorkflowClient client(QueuedFlow flow, String name) {
    WorkflowClient client = stopped(flow, name);
    engine.start();
    return client;
  }

  /**
   * A client whose engine is not started yet: starts are stored but nothing is claimed, so a burst
   * of debounced starts falls in its window however slow the machine is.
   */
  private WorkflowClient stopped(QueuedFlow flow, String name) {
    engine = engine(b -> b.workers(8));
    return engine.register(new QueuedFlow.Definition(flow, name, null, FlowControl.NONE));
  }

  @Test
  void concurrentStartsWithOneDeduplicationIdGetOneRun() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    flow.blocks = job -> true;
    releasedAfter(flow.release);
    WorkflowClient client = client(flow, "dedup");

    List<Object> ids =
        concurrently(
            12,
            i -> client.start(new Job("k", i), StartOptions.defaults().deduplicationId("order-7")));

    assertThat(new HashSet<>(ids)).hasSize(1);
    assertThat(flow.blockedStarted.await(30, TimeUnit.SECONDS)).isTrue();
    flow.release.countDown();
    assertThat(client.awaitCompletion((String) ids.get(0), WAIT).status())
        .isEqualTo(Status.SUCCEEDED);
    assertThat(flow.calls.get()).isEqualTo(1);
  }

  @Test
  void aDeduplicationIdStartsANewRunOnceItsRunFinished() {
    QueuedFlow flow = new QueuedFlow();
    WorkflowClient client = client(flow, "dedup-again");
    StartOptions options = StartOptions.defaults().deduplicationId("nightly");

    String first = client.start(new Job("k", 1), options);
    assertThat(client.awaitCompletion(first, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    String second = client.start(new Job("k", 2), options);

    assertThat(second).isNotEqualTo(first);
    assertThat(client.awaitCompletion(second, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.order).containsExactly(1, 2);
  }

  @Test
  void aBurstOfDebouncedStartsRunsOnceWithTheLastInput() {
    QueuedFlow flow = new QueuedFlow();
    WorkflowClient client = stopped(flow, "debounce");
    StartOptions options = StartOptions.defaults().debounce("doc-42", Duration.ofMillis(300));

    Set<String> ids = new HashSet<>();
    for (int edit = 1; edit <= 6; edit++) {
      ids.add(client.start(new Job("doc", edit), options));
    }
    engine.start();

    assertThat(ids).hasSize(1);
    String runId = ids.iterator().next();
    assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.inputs).containsExactly("doc:6");
    // Once the run began, the key starts a new one.
    String next = client.start(new Job("doc", 7), options);
    assertThat(next).isNotEqualTo(runId);
    assertThat(client.awaitCompletion(next, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.inputs).containsExactly("doc:6", "doc:7");
  }

  @Test
  void aDebouncedRunIsPutOffNoLongerThanItsMaximumWaitAfterItsFirstStart() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    WorkflowClient client = stopped(flow, "debounce-capped");
    Duration maxWait = Duration.ofMillis(600);
    StartOptions options =
        StartOptions.defaults().debounce("doc-5", Duration.ofMillis(300), maxWait);
    String runId = client.start(new Job("doc", 0), options);
    Instant keepEditingUntil = Instant.now().plus(maxWait.multipliedBy(2));
    int edit = 0;
    while (Instant.now().isBefore(keepEditingUntil)) { // a key that never goes quiet
      assertThat(client.start(new Job("doc", ++edit), options)).isEqualTo(runId);
    }

    Instant created;
    Instant due;
    try (Connection c = dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT r.created_at, s.not_before FROM "
                    + schema
                    + ".sw_runs r JOIN "
                    + schema
                    + ".sw_steps s ON s.run_id = r.id WHERE r.id = '"
                    + runId
                    + "'")) {
      assertThat(rs.next()).isTrue();
      created = rs.getObject(1, OffsetDateTime.class).toInstant();
      due = rs.getObject(2, OffsetDateTime.class).toInstant();
    }
    assertThat(due).isEqualTo(created.plus(maxWait));
    engine.start();
    assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.inputs).containsExactly("doc:" + edit);
  }

  @Test
  void aDebounceMaximumWaitShorterThanItsWindowIsRefused() {
    assertThatThrownBy(
            () ->
                StartOptions.defaults().debounce("k", Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maximum wait needs a window no longer than itself");
  }

  @Test
  void concurrentDebouncedStartsRunOnce() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    WorkflowClient client = stopped(flow, "debounce-concurrent");
    StartOptions options = StartOptions.defaults().debounce("doc-9", Duration.ofMillis(300));

    List<Object> ids = concurrently(10, i -> client.start(new Job("doc", i), options));
    engine.start();

    assertThat(new HashSet<>(ids)).hasSize(1);
    assertThat(client.awaitCompletion((String) ids.get(0), WAIT).status())
        .isEqualTo(Status.SUCCEEDED);
    assertThat(flow.calls.get()).isEqualTo(1);
  }

  @Test
  void badDeduplicationIdsAndDebounceKeysAreRefusedBeforeAnythingIsStored() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    WorkflowClient client = client(flow, "guards-refused");
    String tooLong = "d".repeat(257);

    assertThatThrownBy(
            () ->
                client.start(
                    new Job("k", 1),
                    StartOptions.defaults()
                        .deduplicationId(tooLong)
                        .debounce("with space", Duration.ofSeconds(1))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("start options of workflow guards-refused")
        .hasMessageContaining("$.deduplicationId")
        .hasMessageContaining("is 257 characters long; a deduplication id is 1 to 256")
        .hasMessageContaining("$.debounceKey")
        .hasMessageContaining("a debounce key is 1 to 256 visible ASCII characters");
    assertThatThrownBy(
            () ->
                client.start(
                    new Job("k", 1),
                    StartOptions.withRunId("mine").debounce("doc", Duration.ofSeconds(1))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cannot be combined with a run id or an idempotency key");
    assertThat(client.list(10)).isEmpty();
    assertThat(flow.calls.get()).isZero();
  }

  @Test
  void aDebounceNeedsAKeyAndAPositiveWindow() {
    assertThatThrownBy(() -> StartOptions.defaults().debounce("k", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("debounce window must be positive");
    assertThatThrownBy(() -> StartOptions.defaults().debounce(null, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both a key and a window");
  }
}

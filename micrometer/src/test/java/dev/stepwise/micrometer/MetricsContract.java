package dev.stepwise.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.micrometer.MeteredFlow.Order;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.testing.Await;
import dev.stepwise.testing.TestSchema;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The meters a user reads after real runs, on each database: counts, tags and timer counts as the
 * engine recorded them.
 */
abstract class MetricsContract {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Stepwise engine;
  private MeteredFlowRunner runner;

  @BeforeEach
  void startEngine(TestSchema schema) {
    engine =
        Stepwise.builder()
            .dataSource(schema.dataSource())
            .schema(schema.name())
            .workers(2)
            .pollInterval(Duration.ofMillis(50))
            .observer(StepwiseMetrics.of(registry))
            .build();
    runner = new MeteredFlowRunner(engine, new MeteredFlow());
    engine.start();
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void aRunWithTwoRetriesIsCountedStepByStepAndAttemptByAttempt() {
    MeteredFlowResult r = runner.start(new Order("o-1", 2));
    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    // The last attempt's meters are recorded right after its commit, which wakes the caller.
    Await.until(
        "the last charge attempt is timed",
        Duration.ofSeconds(30),
        () -> stepTimer("charge", "succeeded") == 1);

    assertThat(counter("stepwise.runs.started", "workflow", "metered")).isEqualTo(1);
    assertThat(counter("stepwise.runs.finished", "workflow", "metered", "status", "succeeded"))
        .isEqualTo(1);
    assertThat(
            registry
                .get("stepwise.runs.duration")
                .tags("workflow", "metered", "status", "succeeded")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(stepTimer("reserve", "succeeded")).isEqualTo(1);
    assertThat(stepTimer("charge", "retrying")).isEqualTo(2);
    assertThat(counter("stepwise.steps.retries", "workflow", "metered", "step", "charge"))
        .isEqualTo(2);
    var attempts =
        registry
            .get("stepwise.steps.attempts")
            .tags("workflow", "metered", "step", "charge", "status", "succeeded")
            .summary();
    assertThat(attempts.count()).isEqualTo(1);
    assertThat(attempts.totalAmount()).isEqualTo(3.0); // it took three attempts
    assertThat(
            registry.get("stepwise.steps.attempts").tags("step", "reserve").summary().totalAmount())
        .isEqualTo(1.0);
    // The retries were claimed from the database (not leased by the commit): timed claims.
    assertThat(counter("stepwise.claims.steps", "queue", "none")).isGreaterThanOrEqualTo(2);
    assertThat(registry.get("stepwise.claims.duration").tags("queue", "none").timer().count())
        .isGreaterThanOrEqualTo(2);
    assertThat(
            registry
                .get("stepwise.claims.duration")
                .tags("queue", "none")
                .timer()
                .totalTime(TimeUnit.NANOSECONDS))
        .isPositive();
    // Each retry waited in the queue from its due time until a claim took it.
    var queued =
        registry
            .get("stepwise.steps.queued")
            .tags("workflow", "metered", "step", "charge", "queue", "none")
            .timer();
    assertThat(queued.count()).isEqualTo(2);
    assertNoRunIdTag(r.run().runId());
  }

  @Test
  void aRunWhoseStepExhaustsItsAttemptsIsCountedAsFailed() {
    MeteredFlowResult r = runner.start(new Order("o-2", 5));
    assertThat(r.status()).isEqualTo(Status.FAILED);
    Await.until(
        "the last charge attempt is timed",
        Duration.ofSeconds(30),
        () -> stepTimer("charge", "failed") == 1);

    assertThat(counter("stepwise.runs.finished", "workflow", "metered", "status", "failed"))
        .isEqualTo(1);
    assertThat(registry.find("stepwise.runs.finished").tags("status", "succeeded").counter())
        .isNull();
    assertThat(stepTimer("charge", "retrying")).isEqualTo(2);
    assertThat(
            registry
                .get("stepwise.steps.attempts")
                .tags("step", "charge", "status", "failed")
                .summary()
                .totalAmount())
        .isEqualTo(3.0);
    assertNoRunIdTag(r.run().runId());
  }

  @Test
  void aStartThatReturnsTheExistingRunIsNotCountedAgain() {
    StartOptions once = StartOptions.withIdempotencyKey("order-3");
    String first = runner.startAsync(new Order("o-3", 0), once).runId();
    String second = runner.startAsync(new Order("o-3", 0), once).runId();
    assertThat(second).isEqualTo(first);
    runner.awaitCompletion(first, Duration.ofSeconds(30));

    assertThat(counter("stepwise.runs.started", "workflow", "metered")).isEqualTo(1);
  }

  @Test
  void stepsOfAQueueAreClaimedAndTimedUnderTheirQueue() {
    QueuedFlowRunner queued = new QueuedFlowRunner(engine, new QueuedFlow());
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      runs.add(queued.startAsync("prompt " + i).runId());
    }
    for (String runId : runs) {
      assertThat(queued.awaitCompletion(runId, Duration.ofSeconds(30)).status())
          .isEqualTo(Status.SUCCEEDED);
    }
    Await.until(
        "the three calls are timed",
        Duration.ofSeconds(30),
        () -> {
          var t =
              registry
                  .find("stepwise.steps.duration")
                  .tags("workflow", "queued", "step", "call", "status", "succeeded")
                  .timer();
          return t != null && t.count() == 3;
        });

    // Only the queue's claim starts its steps: each one claimed, and its wait timed, once.
    assertThat(counter("stepwise.claims.steps", "queue", "provider")).isEqualTo(3);
    assertThat(
            registry
                .get("stepwise.steps.queued")
                .tags("workflow", "queued", "step", "call", "queue", "provider")
                .timer()
                .count())
        .isEqualTo(3);
    assertThat(counter("stepwise.runs.finished", "workflow", "queued", "status", "succeeded"))
        .isEqualTo(3);
  }

  private double stepTimer(String step, String status) {
    var timer =
        registry
            .find("stepwise.steps.duration")
            .tags("workflow", "metered", "step", step, "status", status)
            .timer();
    return timer == null ? 0 : timer.count();
  }

  private double counter(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  private void assertNoRunIdTag(String runId) {
    for (Meter m : registry.getMeters()) {
      for (Tag t : m.getId().getTags()) {
        assertThat(t.getValue()).as(m.getId().toString()).isNotEqualTo(runId);
        assertThat(t.getKey()).isIn("workflow", "step", "status", "queue");
      }
    }
  }
}

package dev.stepwise.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.example.order.OrderWorkflowResult;
import dev.stepwise.example.research.ResearchDemo;
import dev.stepwise.example.research.ResearchWorkflowResult;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example application end to end: processor-generated runner on the embedded engine. */
class ExampleAppTest {
  @TempDir Path dataDir;

  @Test
  void smallOrderSucceedsThroughRetriesAndSkipsTheApproval() {
    try (Stepwise engine = Stepwise.embedded(dataDir)) {
      ExampleApp app = new ExampleApp(engine, quiet());
      engine.start();

      OrderWorkflowResult r = app.runSmallOrder();

      assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
      assertThat(r.reserve().status()).isEqualTo(Status.SUCCEEDED);
      assertThat(r.charge().status()).isEqualTo(Status.SUCCEEDED);
      assertThat(r.charge().attempts()).as("two simulated timeouts, then success").isEqualTo(3);
      assertThat(r.ship().output().city()).isEqualTo("Zurich");
      assertThat(r.approve().status()).isEqualTo(Status.SKIPPED);
    }
  }

  @Test
  void largeOrderSuspendsForApprovalAndCompletesWhenResumed() {
    try (Stepwise engine = Stepwise.embedded(dataDir)) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      ExampleApp app =
          new ExampleApp(engine, new PrintStream(printed, true, StandardCharsets.UTF_8));
      engine.start();

      OrderWorkflowResult r = app.runLargeOrderWithApproval();

      assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
      assertThat(r.approve().status()).isEqualTo(Status.SUCCEEDED);
      assertThat(r.approve().output().approved()).isTrue();
      assertThat(r.approve().output().amountCents()).isEqualTo(180_000);
      // The watch prints each change as it happens, in order, ending with the run's own.
      String out = awaitPrinted(printed, "run SUCCEEDED");
      assertThat(out)
          .containsSubsequence(
              "charge RUNNING (attempt 1)",
              "charge PENDING (attempt 1)",
              "charge SUCCEEDED (attempt 3)",
              "approve SUSPENDED (attempt 1)",
              "approve SUCCEEDED (attempt 2)",
              "run SUCCEEDED");
    }
  }

  /** What was printed, once it contains {@code text} (the watch delivers asynchronously). */
  private static String awaitPrinted(ByteArrayOutputStream printed, String text) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String out = printed.toString(StandardCharsets.UTF_8);
    while (!out.contains(text) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      out = printed.toString(StandardCharsets.UTF_8);
    }
    return out;
  }

  @Test
  void researchFansOutOverFlakySourcesAndWaitsForTheEditorsEvent() {
    try (Stepwise engine = Stepwise.embedded(dataDir)) {
      ResearchDemo demo = new ResearchDemo(engine, quiet());
      engine.start();

      ResearchWorkflowResult r = demo.run();

      assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
      assertThat(r.query().output())
          .extracting(f -> f.source())
          .containsExactly("arxiv", "wikipedia", "news", "patents", "forums");
      assertThat(r.output()).isEqualTo("5 findings, reviewed by Eve: publish it");
    }
  }

  @Test
  void secondRunOfTheAppShowsTheFirstRunsHistoryFromTheDatabase() {
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    try (Stepwise engine = Stepwise.embedded(dataDir)) {
      ExampleApp app = new ExampleApp(engine, new PrintStream(first, true, StandardCharsets.UTF_8));
      engine.start();
      app.run();
    }
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    try (Stepwise engine = Stepwise.embedded(dataDir)) {
      ExampleApp app =
          new ExampleApp(engine, new PrintStream(second, true, StandardCharsets.UTF_8));
      engine.start();
      app.run();
    }
    String firstOut = first.toString(StandardCharsets.UTF_8);
    String secondOut = second.toString(StandardCharsets.UTF_8);
    assertThat(firstOut).contains("Runs already in the database: 0");
    assertThat(secondOut).contains("Runs already in the database: 2");
    assertThat(secondOut).contains("flowchart");
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}

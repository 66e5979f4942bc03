package dev.stepwise.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.example.order.OrderWorkflowResult;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
      ExampleApp app = new ExampleApp(engine, quiet());
      engine.start();

      OrderWorkflowResult r = app.runLargeOrderWithApproval();

      assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
      assertThat(r.approve().status()).isEqualTo(Status.SUCCEEDED);
      assertThat(r.approve().output().approved()).isTrue();
      assertThat(r.approve().output().amountCents()).isEqualTo(180_000);
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

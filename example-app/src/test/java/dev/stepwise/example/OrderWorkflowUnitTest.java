package dev.stepwise.example;

import static dev.stepwise.test.StepwiseAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.example.order.Address;
import dev.stepwise.example.order.Decision;
import dev.stepwise.example.order.FlakyPaymentService;
import dev.stepwise.example.order.FlakyPaymentService.PaymentTimeoutException;
import dev.stepwise.example.order.Inventory;
import dev.stepwise.example.order.OrderRequest;
import dev.stepwise.example.order.OrderWorkflow;
import dev.stepwise.example.order.OrderWorkflowResult;
import dev.stepwise.example.order.OrderWorkflowRunner;
import dev.stepwise.runtime.RunHandle;
import dev.stepwise.test.StepwiseTestEngine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The order workflow in unit tests, with the test kit (docs/testing.md): a fresh in-memory database
 * per test, the payment provider's failures chosen by the test, retry delays skipped.
 */
class OrderWorkflowUnitTest {
  @RegisterExtension final StepwiseTestEngine stepwise = new StepwiseTestEngine();

  private static OrderRequest order(String id, long unitPriceCents) {
    return new OrderRequest(
        id,
        "ann@example.com",
        List.of(new OrderRequest.Item("SKU-1", 2, unitPriceCents)),
        new Address("Bahnhofstrasse 1", "Zurich", "CH"));
  }

  @Test
  void aChargeThatTimesOutFourTimesSucceedsOnItsFifthAttempt() {
    OrderWorkflowRunner orders =
        new OrderWorkflowRunner(
            stepwise.engine(), new OrderWorkflow(new Inventory(), new FlakyPaymentService(4)));

    OrderWorkflowResult done = stepwise.awaitCompletion(orders.startAsync(order("o-1", 1_500)));

    assertThat(done.run())
        .succeeded()
        .step("charge")
        .succeededAfterAttempts(5)
        .and()
        .step("approve")
        .skipped();
    assertThat(done.charge().output().amountCents()).isEqualTo(3_000);
  }

  @Test
  void aChargeThatNeverGetsThroughFailsTheOrderAfterFiveAttempts() {
    OrderWorkflowRunner orders =
        new OrderWorkflowRunner(
            stepwise.engine(), new OrderWorkflow(new Inventory(), new FlakyPaymentService(99)));

    OrderWorkflowResult done = stepwise.awaitCompletion(orders.startAsync(order("o-2", 1_500)));

    assertThat(done.run())
        .failedAt("charge")
        .step("charge")
        .hasAttempts(5)
        .failedWith(PaymentTimeoutException.class);
  }

  @Test
  void aLargeOrderWaitsForTheManagerAndGoesOnWithTheDecision() {
    OrderWorkflowRunner orders =
        new OrderWorkflowRunner(
            stepwise.engine(), new OrderWorkflow(new Inventory(), new FlakyPaymentService(0)));
    RunHandle<OrderWorkflowResult> run = orders.startAsync(order("o-3", 80_000));

    assertThat(stepwise.awaitSettled(run).run()).suspended().step("approve").suspended();
    orders.resumeApprove(run.runId(), new Decision(true, "Ann"));

    OrderWorkflowResult done = stepwise.awaitCompletion(run);
    // Suspending was its first execution; the resume ran it again, with the decision.
    assertThat(done.run()).succeeded().step("approve").succeededAfterAttempts(2);
    assertThat(done.approve().output().by()).isEqualTo("Ann");
    assertThat(done.approve().output().amountCents()).isEqualTo(160_000);
  }
}

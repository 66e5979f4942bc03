package dev.stepwise.test;

import static dev.stepwise.test.StepwiseAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.Stepwise;
import dev.stepwise.test.flows.PaymentFlow;
import dev.stepwise.test.flows.PaymentFlowRunner;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @ExtendWith(StepwiseTestExtension.class)}: a test engine, or its {@code Stepwise}, as a
 * parameter; one per test, the same in its {@code @BeforeEach} methods.
 */
@ExtendWith(StepwiseTestExtension.class)
class ExtensionTest {
  private PaymentFlowRunner payments;
  private StepwiseTestEngine fromBeforeEach;

  @BeforeEach
  void constructTheRunnerWithAFake(StepwiseTestEngine stepwise) {
    fromBeforeEach = stepwise;
    payments =
        new PaymentFlowRunner(
            stepwise.engine(), new PaymentFlow((cents, attempt) -> "fake receipt " + cents));
  }

  @Test
  void theTestAndItsBeforeEachShareOneOpenEngine(StepwiseTestEngine stepwise, Stepwise engine) {
    assertThat(stepwise).isSameAs(fromBeforeEach);
    assertThat(engine).isSameAs(stepwise.engine());

    var done = stepwise.awaitCompletion(payments.startAsync(100L));

    assertThat(done.run()).succeeded().step("charge").succeededAfterAttempts(1);
    assertThat(done.charge().output()).isEqualTo("fake receipt 100");
  }

  @Test
  void eachTestGetsAClockOfItsOwn(StepwiseTestEngine stepwise) {
    assertThat(stepwise.clock().offset()).isEqualTo(Duration.ZERO);
    Instant before = stepwise.now();
    stepwise.advance(Duration.ofDays(3));
    assertThat(stepwise.now()).isAfterOrEqualTo(before.plus(Duration.ofDays(3)));
  }
}

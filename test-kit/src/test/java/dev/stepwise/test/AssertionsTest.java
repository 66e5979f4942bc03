package dev.stepwise.test;

import static dev.stepwise.test.StepwiseAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.StepStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each assertion passes on the run it describes and fails, showing the run, on any other. */
class AssertionsTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static final RunStatus RETRIED_THEN_FAILED =
      new RunStatus(
          "run-1",
          "kit-payment",
          Status.FAILED,
          List.of(
              new StepStatus("reserve", Status.SUCCEEDED, 1, T, T, "\"r-1\"", null, null),
              new StepStatus(
                  "charge",
                  Status.FAILED,
                  3,
                  T,
                  T,
                  null,
                  new StepError("java.io.IOException", "card declined", "..."),
                  null),
              StepStatus.notReached("ship")),
          "charge",
          new StepError("java.io.IOException", "card declined", "..."),
          T,
          T);

  @Test
  void assertionsThatHoldPass() {
    assertThat(RETRIED_THEN_FAILED)
        .failedAt("charge")
        .step("charge")
        .failed()
        .hasAttempts(3)
        .failedWith(java.io.IOException.class)
        .hasErrorContaining("declined")
        .and()
        .step("reserve")
        .succeededAfterAttempts(1)
        .hasOutputJson("\"r-1\"");
  }

  @Test
  void aWrongAttemptCountFailsAndShowsEveryStep() {
    assertThatThrownBy(() -> assertThat(RETRIED_THEN_FAILED).step("charge").hasAttempts(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected step charge of run run-1 to have 2 attempts")
        .hasMessageContaining("reserve SUCCEEDED (1 attempt)")
        .hasMessageContaining("charge FAILED (3 attempts, last error java.io.IOException")
        .hasMessageContaining("failed at charge");
  }

  @Test
  void eachExpectationFailsOnARunItDoesNotDescribe() {
    var run = assertThat(RETRIED_THEN_FAILED);
    assertThatThrownBy(run::succeeded).hasMessageContaining("to be SUCCEEDED");
    assertThatThrownBy(() -> run.failedAt("reserve")).hasMessageContaining("at step reserve");
    assertThatThrownBy(() -> run.step("refund")).hasMessageContaining("to have a step refund");
    var charge = run.step("charge");
    assertThatThrownBy(() -> charge.succeededAfterAttempts(3)).hasMessageContaining("SUCCEEDED");
    assertThatThrownBy(() -> charge.failedWith(IllegalStateException.class))
        .hasMessageContaining("to have failed with java.lang.IllegalStateException");
    assertThatThrownBy(() -> charge.hasErrorContaining("timeout"))
        .hasMessageContaining("an error containing \"timeout\"");
    assertThatThrownBy(() -> run.step("reserve").hasOutputJson("\"r-2\""))
        .hasMessageContaining("(it has \"r-1\")");
    assertThatThrownBy(() -> run.step("ship").skipped()).hasMessageContaining("to be SKIPPED");
  }
}

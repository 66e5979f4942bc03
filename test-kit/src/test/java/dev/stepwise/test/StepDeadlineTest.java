package dev.stepwise.test;

import static dev.stepwise.test.StepwiseAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.AttemptError;
import dev.stepwise.runtime.RunHandle;
import dev.stepwise.runtime.StepTimeoutException;
import dev.stepwise.test.flows.QuoteFlow;
import dev.stepwise.test.flows.QuoteFlowResult;
import dev.stepwise.test.flows.QuoteFlowRunner;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A step that hangs until its 5-minute deadline: the test lets it start, jumps the clock past the
 * deadline while it runs, and the retry a minute later succeeds; no minute is waited for.
 */
class StepDeadlineTest {
  @RegisterExtension final StepwiseTestEngine stepwise = new StepwiseTestEngine();

  @Test
  void aStepThatHangsIsStoppedAtItsDeadlineAndRetried() throws Exception {
    CountDownLatch hanging = new CountDownLatch(1);
    QuoteFlow.Pricing slowOnce =
        (item, attempt) -> {
          if (attempt == 1) {
            hanging.countDown();
            new CountDownLatch(1).await(1, TimeUnit.MINUTES); // until the deadline interrupts it
            throw new IllegalStateException("the deadline never came");
          }
          return 1999L;
        };
    QuoteFlowRunner quotes = new QuoteFlowRunner(stepwise.engine(), new QuoteFlow(slowOnce));
    RunHandle<QuoteFlowResult> run = quotes.startAsync("a chair");
    assertThat(hanging.await(30, TimeUnit.SECONDS)).isTrue();

    stepwise.clock().advance(Duration.ofMinutes(5)); // while the step runs: its deadline passes
    QuoteFlowResult done = stepwise.awaitCompletion(run);

    assertThat(done.run()).succeeded().step("quote").succeededAfterAttempts(2);
    assertThat(done.quote().output()).isEqualTo(1999L);
    List<AttemptError> errors = quotes.errors(run.runId(), "quote");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).error().type()).isEqualTo(StepTimeoutException.class.getName());
  }
}

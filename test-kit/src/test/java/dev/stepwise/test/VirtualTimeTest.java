package dev.stepwise.test;

import static dev.stepwise.test.StepwiseAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.EventTimeoutException;
import dev.stepwise.runtime.RunHandle;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepStatus;
import dev.stepwise.test.flows.ApprovalFlow;
import dev.stepwise.test.flows.ApprovalFlowResult;
import dev.stepwise.test.flows.ApprovalFlowRunner;
import dev.stepwise.test.flows.PaymentFlow;
import dev.stepwise.test.flows.PaymentFlowResult;
import dev.stepwise.test.flows.PaymentFlowRunner;
import dev.stepwise.test.flows.ReminderFlow;
import dev.stepwise.test.flows.ReminderFlowResult;
import dev.stepwise.test.flows.ReminderFlowRunner;
import dev.stepwise.test.flows.SignOffFlow;
import dev.stepwise.test.flows.SignOffFlowResult;
import dev.stepwise.test.flows.SignOffFlowRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The virtual clock skips a day-long timer, an hour of retry backoff and a day-long event deadline
 * while the test waits well under a second: each test checks the run's outcome and that the clock,
 * not the test, covered the time.
 */
class VirtualTimeTest {
  @RegisterExtension final StepwiseTestEngine stepwise = new StepwiseTestEngine();

  private final List<String> sent = new CopyOnWriteArrayList<>();

  @Test
  void aTimerOfADayFiresWithoutWaitingADay() {
    ReminderFlowRunner reminders =
        new ReminderFlowRunner(
            stepwise.engine(), new ReminderFlow((to, text) -> sent.add(to + ": " + text)));
    Instant before = stepwise.now();

    ReminderFlowResult done = stepwise.awaitCompletion(reminders.startAsync("ann"));

    assertThat(done.run()).succeeded().step("remind").succeededAfterAttempts(1);
    assertThat(done.remind().output()).isEqualTo("reminded ann");
    assertThat(sent).containsExactly("ann: Still there?");
    StepStatus signup = done.run().step("signup").orElseThrow();
    StepStatus remind = done.run().step("remind").orElseThrow();
    // By the engine's clock the timer waited its day; the test clock covered it.
    assertThat(Duration.between(signup.startedAt(), remind.startedAt()))
        .isGreaterThanOrEqualTo(Duration.ofHours(24));
    assertThat(Duration.between(before, stepwise.now()))
        .isGreaterThanOrEqualTo(Duration.ofHours(24));
  }

  @Test
  void advanceRunsWhatFallsDueAndNothingLater() {
    ReminderFlowRunner reminders =
        new ReminderFlowRunner(
            stepwise.engine(), new ReminderFlow((to, text) -> sent.add(to + ": " + text)));
    RunHandle<ReminderFlowResult> run = reminders.startAsync("bob");

    stepwise.advance(Duration.ofHours(23));
    assertThat(run).hasStatus(Status.WAITING).step("remind").hasStatus(Status.WAITING);
    assertThat(sent).isEmpty();

    stepwise.advance(Duration.ofHours(1).plusSeconds(1));
    assertThat(run).succeeded().step("remind").succeeded();
    assertThat(sent).containsExactly("bob: Still there?");
  }

  @Test
  void sevenAttemptsWithAnHourOfBackoffFinishAtOnce() {
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    PaymentFlow.Payments flaky =
        (cents, attempt) -> {
          attempts.add(attempt);
          if (attempt < 7) {
            throw new IllegalStateException("card declined, attempt " + attempt);
          }
          return "paid " + cents;
        };
    PaymentFlowRunner payments = new PaymentFlowRunner(stepwise.engine(), new PaymentFlow(flaky));
    Instant before = stepwise.now();

    PaymentFlowResult done = stepwise.awaitCompletion(payments.startAsync(4200L));

    assertThat(done.run()).succeeded().step("charge").succeededAfterAttempts(7);
    assertThat(done.charge().output()).isEqualTo("paid 4200");
    assertThat(attempts).containsExactly(1, 2, 3, 4, 5, 6, 7);
    // 1 + 2 + 4 + 8 + 16 + 32 minutes of backoff, by the engine's clock.
    assertThat(Duration.between(before, stepwise.now()))
        .isGreaterThanOrEqualTo(Duration.ofMinutes(63));
  }

  @Test
  void retriesThatRunOutFailTheRunWithTheLastError() {
    PaymentFlowRunner payments =
        new PaymentFlowRunner(
            stepwise.engine(),
            new PaymentFlow(
                (cents, attempt) -> {
                  throw new IllegalStateException("card declined, attempt " + attempt);
                }));

    PaymentFlowResult done = stepwise.awaitCompletion(payments.startAsync(100L));

    assertThat(done.run())
        .failedAt("charge")
        .step("charge")
        .failed()
        .hasAttempts(7)
        .failedWith(IllegalStateException.class)
        .hasErrorContaining("attempt 7");
  }

  @Test
  void anEventDeadlineOfADayPassesWithoutWaitingADay() {
    ApprovalFlowRunner approvals = new ApprovalFlowRunner(stepwise.engine(), new ApprovalFlow());
    Instant before = stepwise.now();

    ApprovalFlowResult done = stepwise.awaitCompletion(approvals.startAsync("a new laptop"));

    assertThat(done.run())
        .failedAt("decide")
        .step("decide")
        .failedWith(EventTimeoutException.class);
    assertThat(Duration.between(before, stepwise.now()))
        .isGreaterThanOrEqualTo(Duration.ofHours(24));
  }

  @Test
  void anEventSentBeforeTheDeadlineIsTaken() {
    ApprovalFlowRunner approvals = new ApprovalFlowRunner(stepwise.engine(), new ApprovalFlow());
    RunHandle<ApprovalFlowResult> run = approvals.startAsync("a new laptop");

    stepwise.advance(Duration.ofHours(23));
    assertThat(run).hasStatus(Status.WAITING);
    approvals.sendApproved(run.runId(), "Ann");
    ApprovalFlowResult done = stepwise.awaitCompletion(run);

    assertThat(done.run()).succeeded().step("decide").succeeded();
    assertThat(done.decide().output()).isEqualTo("a new laptop approved by Ann");
  }

  @Test
  void aRunThatWaitsForAPersonIsReportedInsteadOfSkippedForever() {
    SignOffFlowRunner signOffs = new SignOffFlowRunner(stepwise.engine(), new SignOffFlow());
    RunHandle<SignOffFlowResult> run = signOffs.startAsync("the budget");

    assertThatThrownBy(() -> stepwise.awaitCompletion(run))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("cannot finish by itself")
        .hasMessageContaining("signOff SUSPENDED")
        .hasMessageContaining("needs a sign-off");

    SignOffFlowResult settled = stepwise.awaitSettled(run);
    assertThat(settled.run()).suspended().step("signOff").suspended();
    signOffs.resumeSignOff(run.runId(), "Ann");
    SignOffFlowResult done = stepwise.awaitCompletion(run);
    assertThat(done.signOff().output()).isEqualTo("the budget signed off by Ann");
  }
}

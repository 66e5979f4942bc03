package dev.stepwise.runtime.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.Join;
import dev.stepwise.runtime.EventTimeoutException;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A step whose event has not arrived: its deadline, its timeout, and the run's status. */
class EventWaitTest {
  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

  private static StepSpec waiting(Duration timeout, boolean skipOnTimeout) {
    return new StepSpec("approve", List.of(), Join.ALL, RetryPolicy.NONE, null, null, false)
        .withEvent("approved", timeout, skipOnTimeout);
  }

  @Test
  void aFirstWaitWithoutTimeoutParksWithoutADeadline() {
    assertThat(EventWait.notYet(waiting(null, false), null, null, NOW))
        .isEqualTo(new Outcome.AwaitEvent("approved", null));
  }

  @Test
  void aFirstWaitWithATimeoutParksUntilNowPlusTheTimeout() {
    assertThat(EventWait.notYet(waiting(Duration.ofMinutes(5), false), null, null, NOW))
        .isEqualTo(new Outcome.AwaitEvent("approved", NOW.plus(Duration.ofMinutes(5))));
  }

  @Test
  void aRequeuedWaitKeepsTheDeadlineItWasFirstGiven() {
    Instant deadline = NOW.plusSeconds(30);
    assertThat(EventWait.notYet(waiting(Duration.ofMinutes(5), false), "approved", deadline, NOW))
        .isEqualTo(new Outcome.AwaitEvent("approved", deadline));
  }

  @Test
  void aPassedDeadlineFailsTheStepWithAnEventTimeout() {
    Outcome o =
        EventWait.notYet(
            waiting(Duration.ofMinutes(5), false), "approved", NOW.minusSeconds(1), NOW);
    assertThat(o).isInstanceOf(Outcome.Failed.class);
    Outcome.Failed failed = (Outcome.Failed) o;
    assertThat(failed.error().type()).isEqualTo(EventTimeoutException.class.getName());
    assertThat(failed.error().message())
        .isEqualTo("Step \"approve\" waited PT5M for event \"approved\", which did not arrive");
  }

  @Test
  void aDeadlineReachedExactlyNowTimesOut() {
    assertThat(EventWait.notYet(waiting(Duration.ofMinutes(5), false), "approved", NOW, NOW))
        .isInstanceOf(Outcome.Failed.class);
  }

  @Test
  void aPassedDeadlineSkipsTheStepWhenItSkipsOnTimeout() {
    assertThat(
            EventWait.notYet(
                waiting(Duration.ofMinutes(5), true), "approved", NOW.minusSeconds(1), NOW))
        .isEqualTo(new Outcome.Skipped());
  }

  @Test
  void aDeadlineOfAnotherWaitDoesNotTimeThisEventOut() {
    // The row was parked for a different event before: this wait starts afresh.
    assertThat(
            EventWait.notYet(
                waiting(Duration.ofMinutes(5), false), "other", NOW.minusSeconds(1), NOW))
        .isEqualTo(new Outcome.AwaitEvent("approved", NOW.plus(Duration.ofMinutes(5))));
  }

  private static StepRow row(String stepId, Status status) {
    return new StepRow("r", stepId, status, 0, null, null, null, null, null, null);
  }

  @Test
  void parkingTheOnlyOpenStepMakesARunningRunWaiting() {
    WorkflowGraph g = new WorkflowGraph("g", "v1", List.of(waiting(null, false)), null, "");
    assertThat(
            EventWait.runStatusAfterPark(
                g, List.of(row("approve", Status.WAITING)), Status.RUNNING))
        .contains(Status.WAITING);
  }

  @Test
  void parkingLeavesTheRunAloneWhileAnotherStepRuns() {
    StepSpec other = new StepSpec("work", List.of(), Join.ALL, RetryPolicy.NONE, null, null, false);
    WorkflowGraph g = new WorkflowGraph("g", "v1", List.of(waiting(null, false), other), null, "");
    List<StepRow> rows = List.of(row("approve", Status.WAITING), row("work", Status.RUNNING));
    assertThat(EventWait.runStatusAfterPark(g, rows, Status.RUNNING)).isEmpty();
  }
}

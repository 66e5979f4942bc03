package dev.stepwise.runtime.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.RunChange;
import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.StepStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The changes a watch delivers between two reads, reconstructed the same whatever the timing. */
class WatchDiffTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static RunStatus run(Status status, StepStatus... steps) {
    return new RunStatus("r", "w", status, List.of(steps), null, null, T, T);
  }

  private static StepStatus step(String id, Status status, int attempts) {
    return new StepStatus(
        id, status, attempts, T, status.isTerminal() ? T : null, null, null, null);
  }

  private static List<String> texts(List<RunChange> changes) {
    return changes.stream().map(RunChange::toString).toList();
  }

  @Test
  void aFirstReadReplaysTheRetriesThatLedToTheCurrentState() {
    var changes = WatchDiff.diff(null, run(Status.SUCCEEDED, step("a", Status.SUCCEEDED, 2)));
    assertThat(texts(changes))
        .containsExactly(
            "a RUNNING (attempt 1)",
            "a PENDING (attempt 1)",
            "a RUNNING (attempt 2)",
            "a SUCCEEDED (attempt 2)",
            "run SUCCEEDED");
  }

  @Test
  void aRetryScheduledBetweenReadsIsShown() {
    var before = run(Status.RUNNING, step("a", Status.RUNNING, 1));
    var after = run(Status.RUNNING, step("a", Status.PENDING, 1));
    assertThat(texts(WatchDiff.diff(before, after))).containsExactly("a PENDING (attempt 1)");
  }

  @Test
  void aRunThatBecameRunningIsShownBeforeTheStepsItStarted() {
    var before = run(Status.SUSPENDED, step("a", Status.SUSPENDED, 1));
    var after = run(Status.RUNNING, step("a", Status.RUNNING, 2));
    assertThat(texts(WatchDiff.diff(before, after)))
        .containsExactly("run RUNNING", "a PENDING (attempt 1)", "a RUNNING (attempt 2)");
  }

  private static StepStatus resumed(String id, Status status, int attempts, StepError error) {
    return new StepStatus(id, status, attempts, T, null, null, error, "needs a manager");
  }

  @Test
  void aSuspendAndResumeBetweenReadsIsShownAsASuspension() {
    var before = run(Status.RUNNING, step("a", Status.RUNNING, 1));
    var pending = run(Status.RUNNING, resumed("a", Status.PENDING, 1, null));
    assertThat(texts(WatchDiff.diff(before, pending)))
        .containsExactly("a SUSPENDED (attempt 1)", "a PENDING (attempt 1)");
    var running = run(Status.RUNNING, resumed("a", Status.RUNNING, 2, null));
    assertThat(texts(WatchDiff.diff(before, running)))
        .containsExactly(
            "a SUSPENDED (attempt 1)", "a PENDING (attempt 1)", "a RUNNING (attempt 2)");
  }

  @Test
  void aRetryAfterAResumeIsNotTakenForASuspension() {
    var before = run(Status.RUNNING, resumed("a", Status.RUNNING, 2, null));
    var retried =
        run(Status.RUNNING, resumed("a", Status.PENDING, 2, new StepError("E", "boom", null)));
    assertThat(texts(WatchDiff.diff(before, retried))).containsExactly("a PENDING (attempt 2)");
  }

  @Test
  void nothingChangedMeansNothingDelivered() {
    var same = run(Status.RUNNING, step("a", Status.RUNNING, 1));
    assertThat(WatchDiff.diff(same, same)).isEmpty();
  }
}

package dev.stepwise.runtime.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.model.FanOutCounts;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.progress.FanOutProgress.Next;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one finished element means for its fan-out step, from the counts its parent keeps. */
class FanOutProgressTest {
  private static final Outcome OK = new Outcome.Succeeded("1");

  private static FanOutCounts running(int total, int started, int succeeded) {
    return new FanOutCounts(Status.RUNNING, total, started, succeeded);
  }

  @Test
  void aFinishedElementStartsTheNextElementWhileSomeHaveNoRowYet() {
    assertThat(FanOutProgress.afterElement(running(3, 1, 1), OK))
        .isEqualTo(new Next.StartElement(1));
  }

  @Test
  void theStepWaitsWhileAnElementIsUnfinished() {
    assertThat(FanOutProgress.afterElement(running(2, 2, 1), OK)).isEqualTo(new Next.Wait());
  }

  @Test
  void theStepCompletesOnceEveryElementSucceeded() {
    assertThat(FanOutProgress.afterElement(running(2, 2, 2), OK)).isEqualTo(new Next.Complete());
  }

  @Test
  void aSuspendedElementLetsTheNextOneStartButNeverCompletesTheStep() {
    Outcome suspended = new Outcome.Suspended("why");
    assertThat(FanOutProgress.afterElement(running(3, 2, 1), suspended))
        .isEqualTo(new Next.StartElement(2));
    assertThat(FanOutProgress.afterElement(running(2, 2, 1), suspended)).isEqualTo(new Next.Wait());
  }

  @Test
  void aFailedElementFailsTheStepWithItsError() {
    StepError error = new StepError("E", "boom", null);
    assertThat(FanOutProgress.afterElement(running(2, 1, 0), new Outcome.Failed(error)))
        .isEqualTo(new Next.Fail(error));
  }

  @Test
  void aSkippedElementSkipsTheStep() {
    assertThat(FanOutProgress.afterElement(running(2, 1, 0), new Outcome.Skipped()))
        .isEqualTo(new Next.Skip());
  }

  @Test
  void anElementOfAStepThatIsNoLongerRunningOrHasNoRowIsIgnored() {
    FanOutCounts failed = new FanOutCounts(Status.FAILED, 1, 1, 1);
    assertThat(FanOutProgress.afterElement(failed, OK)).isEqualTo(new Next.Ignore());
    assertThat(FanOutProgress.afterElement(null, OK)).isEqualTo(new Next.Ignore());
  }

  @Test
  void countsOfAParentWrittenBeforeParentsKeptThemComeFromItsElementRows() {
    List<StepRow> rows =
        List.of(
            row("list", Status.SUCCEEDED),
            row("each", Status.RUNNING),
            row("each[0]", Status.SUCCEEDED),
            row("each[1]", Status.RUNNING),
            row("each[2]", Status.SUCCEEDED), // the one finishing now: not counted yet
            row("other[0]", Status.SUCCEEDED));
    assertThat(FanOutCounts.fromRows("each", Status.RUNNING, 5, rows, List.of("each[2]")))
        .isEqualTo(running(5, 3, 1));
  }

  @Test
  void elementsFinishedTogetherAreCountedAsIfOneAfterTheOtherAndStartAsManyNewOnes() {
    FanOutProgress.Batch batch =
        FanOutProgress.afterElements(running(10, 3, 0), List.of(OK, OK, OK));
    assertThat(batch.start()).containsExactly(3, 4, 5);
    assertThat(batch.counts()).isEqualTo(running(10, 6, 3));
    assertThat(batch.end()).isEqualTo(new Next.Wait());
  }

  @Test
  void theLastElementsOfAFanOutFinishedTogetherCompleteIt() {
    FanOutProgress.Batch batch = FanOutProgress.afterElements(running(3, 3, 1), List.of(OK, OK));
    assertThat(batch.start()).isEmpty();
    assertThat(batch.counts()).isEqualTo(running(3, 3, 3));
    assertThat(batch.end()).isEqualTo(new Next.Complete());
  }

  @Test
  void aFailedElementAmongSeveralFailsTheStepAndStartsNothing() {
    StepError error = new StepError("E", "boom", null);
    FanOutProgress.Batch batch =
        FanOutProgress.afterElements(running(10, 2, 0), List.of(OK, new Outcome.Failed(error), OK));
    assertThat(batch.start()).isEmpty();
    assertThat(batch.end()).isEqualTo(new Next.Fail(error));
  }

  @Test
  void elementsOfAFanOutWithoutARowAreIgnored() {
    assertThat(FanOutProgress.afterElements(null, List.of(OK)).end()).isEqualTo(new Next.Ignore());
  }

  private static StepRow row(String stepId, Status status) {
    return new StepRow("r", stepId, status, 1, null, null, null, null, null, null);
  }
}

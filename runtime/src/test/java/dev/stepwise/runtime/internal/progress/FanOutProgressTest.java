package dev.stepwise.runtime.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.Join;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.progress.FanOutProgress.Next;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one finished element means for its fan-out step. */
class FanOutProgressTest {

  private static final StepSpec EACH =
      new StepSpec("each", List.of("list"), Join.ALL, RetryPolicy.NONE, null, null, false)
          .withParallel("list", 0);

  private static StepRow row(String stepId, Status status, String output) {
    return new StepRow("r", stepId, status, 1, output, null, null, null, null, null);
  }

  /** The run's rows: the list, the RUNNING parent and the given elements. */
  private static List<StepRow> rows(String listJson, StepRow... items) {
    List<StepRow> rows = new ArrayList<>();
    rows.add(row("list", Status.SUCCEEDED, listJson));
    rows.add(row("each", Status.RUNNING, null));
    rows.addAll(List.of(items));
    return rows;
  }

  private static final Outcome OK = new Outcome.Succeeded("1");

  @Test
  void oneFinishedElementStartsTheNextElementWhileSomeHaveNoRowYet() {
    Next next =
        FanOutProgress.afterElement(
            EACH, rows("[1,2,3]", row("each[0]", Status.SUCCEEDED, "\"a\"")), OK);
    assertThat(next).isEqualTo(new Next.StartElement(1));
  }

  @Test
  void theStepWaitsWhileAnElementIsUnfinished() {
    Next next =
        FanOutProgress.afterElement(
            EACH,
            rows(
                "[1,2]",
                row("each[0]", Status.SUCCEEDED, "1"),
                row("each[1]", Status.RUNNING, null)),
            OK);
    assertThat(next).isEqualTo(new Next.Wait());
  }

  @Test
  void theStepSucceedsWithTheOutputsInElementOrderOnceAllSucceeded() {
    Next next =
        FanOutProgress.afterElement(
            EACH,
            rows(
                "[1,2]",
                row("each[1]", Status.SUCCEEDED, null),
                row("each[0]", Status.SUCCEEDED, "\"a\"")),
            OK);
    assertThat(next).isEqualTo(new Next.Succeed("[\"a\",null]"));
  }

  @Test
  void aFailedElementFailsTheStepWithItsError() {
    StepError error = new StepError("E", "boom", null);
    Next next =
        FanOutProgress.afterElement(
            EACH, rows("[1,2]", row("each[0]", Status.FAILED, null)), new Outcome.Failed(error));
    assertThat(next).isEqualTo(new Next.Fail(error));
  }

  @Test
  void aSkippedElementSkipsTheStep() {
    Next next =
        FanOutProgress.afterElement(
            EACH, rows("[1,2]", row("each[0]", Status.SKIPPED, null)), new Outcome.Skipped());
    assertThat(next).isEqualTo(new Next.Skip());
  }

  @Test
  void anElementOfAStepThatIsNoLongerRunningIsIgnored() {
    List<StepRow> rows =
        List.of(
            row("list", Status.SUCCEEDED, "[1]"),
            row("each", Status.FAILED, null),
            row("each[0]", Status.SUCCEEDED, "1"));
    assertThat(FanOutProgress.afterElement(EACH, rows, OK)).isEqualTo(new Next.Ignore());
  }
}

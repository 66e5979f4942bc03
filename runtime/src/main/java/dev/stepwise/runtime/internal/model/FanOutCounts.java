package dev.stepwise.runtime.internal.model;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import java.util.Collection;
import java.util.List;

/**
 * A dynamic fan-out's ({@code @Parallel}) progress as its parent row keeps it (schema V16), so that
 * a finished element is recorded without reading the other elements' rows.
 *
 * @param status the parent row's status: RUNNING while its elements run
 * @param total the elements of the list it fans out over
 * @param started the element rows that exist (started, finished or not)
 * @param succeeded the element rows that succeeded
 */
public record FanOutCounts(Status status, int total, int started, int succeeded) {

  /** These counts with one more element succeeded. */
  public FanOutCounts oneMoreSucceeded() {
    return new FanOutCounts(status, total, started, succeeded + 1);
  }

  /** These counts with one more element row started. */
  public FanOutCounts oneMoreStarted() {
    return new FanOutCounts(status, total, started + 1, succeeded);
  }

  /**
   * The counts of a parent written before parents kept them, taken once from {@code rows} (the
   * run's rows) and the size of the list, {@code total}, as they were before the element rows
   * {@code finishing} (already updated) finished: their successes are not counted.
   */
  public static FanOutCounts fromRows(
      String stepId, Status status, int total, List<StepRow> rows, Collection<String> finishing) {
    int started = 0;
    int succeeded = 0;
    for (StepRow r : rows) {
      if (Ids.isItem(r.stepId()) && Ids.stepOf(r.stepId()).equals(stepId)) {
        started++;
        if (r.status() == Status.SUCCEEDED && !finishing.contains(r.stepId())) {
          succeeded++;
        }
      }
    }
    return new FanOutCounts(status, total, started, succeeded);
  }
}

package dev.stepwise.runtime.internal.progress;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.spi.StepSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** What one finished element of a fan-out means for its step, read from the run's rows. */
public final class FanOutProgress {
  private FanOutProgress() {}

  /** What to do with the fan-out step once one of its elements finished. */
  public sealed interface Next {
    /** The step was already finished (or has no row): nothing to do. */
    record Ignore() implements Next {}

    /** The element failed for good: the step fails with its error, and the run with it. */
    record Fail(StepError error) implements Next {}

    /** A condition cannot read the element, so every element would say the same: skip the step. */
    record Skip() implements Next {}

    /** One finished, so one more may start: keeps at most maxConcurrency unfinished. */
    record StartElement(int index) implements Next {}

    /** Every element has a row, but not all of them succeeded yet. */
    record Wait() implements Next {}

    /** Every element succeeded: the step succeeds with their outputs as a JSON array. */
    record Succeed(String outputJson) implements Next {}
  }

  /**
   * The next move of fan-out step {@code spec}, whose element finished with {@code outcome} ({@code
   * rows} are the run's step rows, that element's row already updated).
   */
  public static Next afterElement(StepSpec spec, List<StepRow> rows, Outcome outcome) {
    String stepId = spec.id();
    Optional<StepRow> parent = rows.stream().filter(r -> r.stepId().equals(stepId)).findFirst();
    if (parent.isEmpty() || parent.get().status() != Status.RUNNING) {
      return new Next.Ignore();
    }
    if (outcome instanceof Outcome.Failed f) {
      return new Next.Fail(f.error());
    }
    if (outcome instanceof Outcome.Skipped) {
      return new Next.Skip();
    }
    Map<Integer, StepRow> items = new HashMap<>();
    for (StepRow r : rows) {
      if (Ids.isItem(r.stepId()) && Ids.stepOf(r.stepId()).equals(stepId)) {
        items.put(Ids.indexOf(r.stepId()), r);
      }
    }
    String over = spec.options().parallelOver();
    String listJson =
        rows.stream()
            .filter(r -> r.stepId().equals(over))
            .findFirst()
            .map(StepRow::output)
            .orElse(null);
    int total = FanOutList.size(listJson, stepId);
    if (items.size() < total) {
      return new Next.StartElement(items.size());
    }
    StringJoiner array = new StringJoiner(",", "[", "]");
    for (int i = 0; i < total; i++) {
      StepRow item = items.get(i);
      if (item.status() != Status.SUCCEEDED) {
        return new Next.Wait();
      }
      array.add(item.output() == null ? "null" : item.output());
    }
    return new Next.Succeed(array.toString());
  }
}

package dev.stepwise.runtime.internal.progress;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.model.FanOutCounts;
import dev.stepwise.runtime.internal.model.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * What one finished element of a fan-out means for its step, decided from the counts its parent row
 * keeps ({@link FanOutCounts}), so that an element costs the same however many the fan-out has.
 */
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

    /** Every element succeeded: the step succeeds with their outputs, read once, in order. */
    record Complete() implements Next {}
  }

  /**
   * The next move of a fan-out step whose element finished with {@code outcome}; {@code counts} are
   * its parent's, with that element already counted if it succeeded (null: no parent row).
   */
  public static Next afterElement(FanOutCounts counts, Outcome outcome) {
    if (counts == null || counts.status() != Status.RUNNING) {
      return new Next.Ignore();
    }
    if (outcome instanceof Outcome.Failed f) {
      return new Next.Fail(f.error());
    }
    if (outcome instanceof Outcome.Skipped) {
      return new Next.Skip();
    }
    if (counts.started() < counts.total()) {
      return new Next.StartElement(counts.started());
    }
    return counts.succeeded() >= counts.total() ? new Next.Complete() : new Next.Wait();
  }

  /**
   * What several elements of one fan-out that finished together mean for it, decided as if they
   * finished one after the other.
   *
   * @param counts the counts to write (unless {@code end} is Ignore)
   * @param start the elements whose rows start now, while some have none yet
   * @param end Fail or Skip (the step ends so; nothing starts), Complete (every element succeeded),
   *     Ignore (the step was not running), or Wait
   */
  public record Batch(FanOutCounts counts, List<Integer> start, Next end) {}

  /**
   * The next move of a fan-out step of which elements finished with {@code outcomes}; {@code
   * counts} are its parent's, without those elements (null: no parent row).
   */
  public static Batch afterElements(FanOutCounts counts, List<Outcome> outcomes) {
    List<Integer> start = new ArrayList<>();
    Next end = new Next.Wait();
    for (Outcome outcome : outcomes) {
      FanOutCounts after =
          counts != null && outcome instanceof Outcome.Succeeded
              ? counts.oneMoreSucceeded()
              : counts;
      Next next = afterElement(after, outcome);
      if (next instanceof Next.Ignore || next instanceof Next.Fail || next instanceof Next.Skip) {
        return new Batch(counts, List.of(), next);
      }
      counts = after;
      if (next instanceof Next.StartElement s) {
        start.add(s.index());
        counts = counts.oneMoreStarted();
      } else if (next instanceof Next.Complete) {
        end = next;
      }
    }
    return new Batch(counts, List.copyOf(start), end);
  }
}

package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.PayloadTooLargeException;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.PayloadLimit;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.progress.FanOutList;
import dev.stepwise.runtime.internal.progress.FanOutPlan;
import dev.stepwise.runtime.internal.progress.FanOutProgress;
import dev.stepwise.runtime.internal.progress.FanOutProgress.Next;
import dev.stepwise.runtime.internal.store.FanOutRows;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.StepStore;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Boundary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Dynamic fan-out ({@code @Parallel}). The step's own row is the parent: {@code RUNNING} without a
 * lease while its elements run, then {@code SUCCEEDED} with the JSON array of their outputs in
 * element order. Each element is a row of its own, {@code step[i]}, so it is claimed, leased,
 * retried and timed out like any step. At most {@code maxConcurrency} element rows exist unfinished
 * at once: each finished element inserts the next one, in the same transaction.
 */
public final class FanOut {
  private FanOut() {}

  /** Inserts the parents and first elements the plan starts; true if elements were queued. */
  static boolean insert(
      DSLContext tx, RunRow run, WorkflowGraph graph, FanOutPlan plan, Instant now) {
    for (String id : plan.empty()) {
      FanOutRows.insertEmpty(tx, run, id, now);
    }
    boolean queued = false;
    for (Map.Entry<String, Integer> e : plan.started().entrySet()) {
      StepSpec spec = graph.step(e.getKey()).orElseThrow();
      FanOutRows.insertParent(tx, run, e.getKey(), now);
      int first = FanOutPlan.firstElements(spec, e.getValue());
      for (int i = 0; i < first; i++) {
        FanOutRows.insertElement(tx, run, e.getKey(), i, spec.queueName(), now);
      }
      queued |= first > 0;
    }
    return queued;
  }

  /**
   * What the recorded items of one run mean for it: {@code advance} the graph (a plain step
   * finished, or a fan-out step finished), {@code queued} a next element, or fail the run with the
   * fan-out step {@code failedStep} (null if none failed).
   */
  record GroupEffect(boolean advance, boolean queued, String failedStep, StepError error) {}

  /**
   * Records, under the run lock, what each element among {@code items} (all of {@code run}, their
   * own rows already updated) means for its fan-out step.
   */
  static GroupEffect itemsFinished(
      DSLContext tx,
      RunStore repo,
      RunRow run,
      List<OutcomeWrites.Item> items,
      Function<String, WorkflowGraph> graphs,
      PayloadLimit limit,
      Instant now) {
    boolean advance = false;
    boolean queued = false;
    String failedStep = null;
    StepError error = null;
    for (OutcomeWrites.Item i : items) {
      if (!Ids.isItem(i.task().stepId())) {
        advance = true;
        continue;
      }
      String stepId = Ids.stepOf(i.task().stepId());
      StepSpec spec = graphs.apply(i.task().workflow()).step(stepId).orElseThrow();
      Next next =
          withinLimit(
              FanOutProgress.afterElement(spec, StepStore.steps(tx, run.id()), i.outcome()),
              stepId,
              i.task().workflow(),
              limit);
      apply(tx, run, spec, next, now);
      if (next instanceof Next.Fail f) {
        if (failedStep == null) {
          failedStep = stepId;
          error = f.error();
        }
      } else if (next instanceof Next.StartElement) {
        queued = true;
      } else if (next instanceof Next.Skip || next instanceof Next.Succeed) {
        advance = true;
      }
    }
    return new GroupEffect(advance, queued, failedStep, error);
  }

  /**
   * {@code next}, unless it succeeds the step with a list of outputs larger than the engine stores:
   * each element fitted, but all of them together do not, so the step fails with a {@link
   * PayloadTooLargeException} and the run with it.
   */
  private static Next withinLimit(Next next, String stepId, String workflow, PayloadLimit limit) {
    if (!(next instanceof Next.Succeed s)) {
      return next;
    }
    try {
      limit.check(s.outputJson(), Boundary.output(stepId).describe(workflow));
      return next;
    } catch (PayloadTooLargeException e) {
      return new Next.Fail(
          new StepError(PayloadTooLargeException.class.getName(), e.getMessage(), null));
    }
  }

  /**
   * Writes what {@code next} decided for fan-out step {@code stepId}. The parent was just read
   * RUNNING under the run lock, so its update cannot lose a race: the row counts are not checked.
   */
  private static void apply(DSLContext tx, RunRow run, StepSpec spec, Next next, Instant now) {
    String stepId = spec.id();
    if (next instanceof Next.Fail f) {
      FanOutRows.failParent(tx, run.id(), stepId, f.error(), now);
    } else if (next instanceof Next.Skip) {
      FanOutRows.skipParent(tx, run.id(), stepId, now);
    } else if (next instanceof Next.StartElement s) {
      FanOutRows.insertElement(tx, run, stepId, s.index(), spec.queueName(), now);
    } else if (next instanceof Next.Succeed s) {
      FanOutRows.succeedParent(tx, run.id(), stepId, s.outputJson(), now);
    }
  }

  /** The JSON of element {@code index} of the list {@code listJson}. */
  public static String element(String listJson, String stepId, int index) {
    return FanOutList.element(listJson, stepId, index);
  }
}

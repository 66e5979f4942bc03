package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.PayloadTooLargeException;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.model.FanOutCounts;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.PayloadLimit;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.progress.FanOutList;
import dev.stepwise.runtime.internal.progress.FanOutPlan;
import dev.stepwise.runtime.internal.progress.FanOutProgress;
import dev.stepwise.runtime.internal.progress.FanOutProgress.Batch;
import dev.stepwise.runtime.internal.progress.FanOutProgress.Next;
import dev.stepwise.runtime.internal.store.FanOutRows;
import dev.stepwise.runtime.internal.store.StepStore;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Boundary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Dynamic fan-out ({@code @Parallel}). The step's own row is the parent: {@code RUNNING} without a
 * lease while its elements run, then {@code SUCCEEDED} with the JSON array of their outputs in
 * element order. Each element is a row of its own, {@code step[i]}, carrying its element of the
 * list, so it is claimed, leased, retried and timed out like any step. At most {@code
 * maxConcurrency} element rows exist unfinished at once: each finished element inserts the next
 * one, in the same transaction.
 *
 * <p>The parent counts its elements (total, started, succeeded), so a finished element is recorded
 * with a read and an update of the parent, whatever the fan-out's size; the elements' outputs are
 * read once, when the last one succeeded.
 */
public final class FanOut {
  private FanOut() {}

  /**
   * Inserts the parents and first elements the plan starts, with their elements taken from the
   * lists in {@code outputs}; true if elements were queued for any node to claim.
   */
  static boolean insert(
      DSLContext tx,
      RunRow run,
      WorkflowGraph graph,
      FanOutPlan plan,
      Map<String, String> outputs,
      Instant now) {
    return insert(tx, run, graph, plan, outputs, null, now).queued();
  }

  /** What {@link #insert} did: elements queued for any node, and those leased to this one. */
  record Inserted(boolean queued, List<Leased> leased) {}

  /** An element row inserted leased to this node, and its element. */
  record Leased(String rowId, String item) {}

  /**
   * The same, inserting up to {@code leases.count()} of the first elements (of steps without a
   * queue) already leased to this node, so that they run without a claim; null: none.
   */
  static Inserted insert(
      DSLContext tx,
      RunRow run,
      WorkflowGraph graph,
      FanOutPlan plan,
      Map<String, String> outputs,
      FanOutRows.ElementLeases leases,
      Instant now) {
    for (String id : plan.empty()) {
      FanOutRows.insertEmpty(tx, run, id, now);
    }
    boolean queued = false;
    List<Leased> leased = new ArrayList<>();
    int room = leases == null ? 0 : leases.count();
    for (Map.Entry<String, Integer> e : plan.started().entrySet()) {
      StepSpec spec = graph.step(e.getKey()).orElseThrow();
      int total = e.getValue();
      int first = FanOutPlan.firstElements(spec, total);
      List<String> items =
          FanOutList.elementJsons(outputs.get(spec.options().parallelOver()), spec.id());
      // Only its queue's claim may start a queued step's element.
      int here = spec.queueName() == null ? Math.min(room, first) : 0;
      room -= here;
      FanOutRows.insertParent(tx, run, spec.id(), total, first, now);
      FanOutRows.insertElements(
          tx,
          run,
          spec.id(),
          0,
          items.subList(0, first),
          spec.queueName(),
          here == 0 ? null : new FanOutRows.ElementLeases(here, leases.owner(), leases.lease()),
          now);
      for (int i = 0; i < here; i++) {
        leased.add(new Leased(Ids.itemId(spec.id(), i), items.get(i)));
      }
      queued |= first > here;
    }
    return new Inserted(queued, List.copyOf(leased));
  }

  /** How many first elements of the plan's fan-outs could be leased to this node. */
  static int leasable(WorkflowGraph graph, FanOutPlan plan) {
    int n = 0;
    for (Map.Entry<String, Integer> e : plan.started().entrySet()) {
      StepSpec spec = graph.step(e.getKey()).orElseThrow();
      if (spec.queueName() == null) {
        n += FanOutPlan.firstElements(spec, e.getValue());
      }
    }
    return n;
  }

  /**
   * What the recorded items of one run mean for it: {@code advance} the graph (a plain step
   * finished, or a fan-out step finished), {@code queued} a next element, or fail the run with the
   * fan-out step {@code failedStep} (null if none failed).
   */
  record GroupEffect(boolean advance, boolean queued, String failedStep, StepError error) {}

  /**
   * Records, under the run lock, what the elements among {@code items} (all of {@code run}, their
   * own rows already updated) mean for their fan-out steps: per fan-out step, one read and one
   * write of its counts, and one insert of the elements that start, however many finished.
   */
  static GroupEffect itemsFinished(
      DSLContext tx,
      RunRow run,
      List<OutcomeWrites.Item> items,
      Function<String, WorkflowGraph> graphs,
      PayloadLimit limit,
      Instant now) {
    boolean advance = false;
    Map<StepSpec, List<OutcomeWrites.Item>> byFanOut = new LinkedHashMap<>();
    for (OutcomeWrites.Item i : items) {
      if (!Ids.isItem(i.task().stepId())) {
        advance = true;
        continue;
      }
      StepSpec spec =
          graphs.apply(i.task().workflow()).step(Ids.stepOf(i.task().stepId())).orElseThrow();
      byFanOut.computeIfAbsent(spec, k -> new ArrayList<>()).add(i);
    }
    boolean queued = false;
    String failedStep = null;
    StepError error = null;
    for (Map.Entry<StepSpec, List<OutcomeWrites.Item>> e : byFanOut.entrySet()) {
      Batch batch = elementsFinished(tx, run, e.getKey(), e.getValue(), limit, now);
      queued |= !batch.start().isEmpty();
      if (batch.end() instanceof Next.Fail f) {
        if (failedStep == null) {
          failedStep = e.getKey().id();
          error = f.error();
        }
      } else if (batch.end() instanceof Next.Skip || batch.end() instanceof Next.Complete) {
        advance = true;
      }
    }
    return new GroupEffect(advance, queued, failedStep, error);
  }

  /**
   * Counts finished elements of {@code spec} in its parent and writes what that decided. Elements
   * that all succeeded (the usual case) are counted with one statement that also returns the
   * counts; the counts are read first otherwise, and taken from the rows for a parent written
   * before V16.
   */
  private static Batch elementsFinished(
      DSLContext tx,
      RunRow run,
      StepSpec spec,
      List<OutcomeWrites.Item> elements,
      PayloadLimit limit,
      Instant now) {
    String stepId = spec.id();
    List<Outcome> outcomes = elements.stream().map(OutcomeWrites.Item::outcome).toList();
    boolean allSucceeded = outcomes.stream().allMatch(o -> o instanceof Outcome.Succeeded);
    Optional<FanOutCounts> added =
        allSucceeded
            ? FanOutRows.addSucceeded(tx, run.id(), stepId, outcomes.size())
            : Optional.empty();
    // What the parent row holds now, and the counts before these elements.
    FanOutCounts stored;
    FanOutCounts before;
    if (added.isPresent()) {
      stored = added.get();
      before =
          new FanOutCounts(
              stored.status(),
              stored.total(),
              stored.started(),
              stored.succeeded() - outcomes.size());
    } else {
      List<String> finishing = elements.stream().map(i -> i.task().stepId()).toList();
      before =
          FanOutRows.counts(
                  tx, run.id(), stepId, status -> legacyCounts(tx, run, spec, status, finishing))
              .orElse(null);
      stored = before;
    }
    Batch batch = FanOutProgress.afterElements(before, outcomes);
    Next end = batch.end();
    if (end instanceof Next.Fail f) {
      FanOutRows.failParent(tx, run.id(), stepId, f.error(), now);
    } else if (end instanceof Next.Skip) {
      FanOutRows.skipParent(tx, run.id(), stepId, now);
    } else if (end instanceof Next.Complete) {
      return new Batch(
          batch.counts(), List.of(), complete(tx, run, spec, batch.counts(), limit, now));
    } else if (end instanceof Next.Wait) {
      if (!batch.start().isEmpty()) {
        FanOutRows.insertElements(
            tx,
            run,
            stepId,
            batch.start().get(0),
            elements(tx, run, spec, batch.start()),
            spec.queueName(),
            null,
            now);
      }
      if (!batch.counts().equals(stored)) {
        FanOutRows.writeCounts(tx, run.id(), stepId, batch.counts());
      }
    }
    return batch;
  }

  /**
   * The last element succeeded: the parent succeeds with the outputs of all of them, read now, once
   * (unless together they are larger than the engine stores: then it fails, and the run with it).
   */
  private static Next complete(
      DSLContext tx,
      RunRow run,
      StepSpec spec,
      FanOutCounts counts,
      PayloadLimit limit,
      Instant now) {
    Optional<List<String>> outputs =
        FanOutRows.succeededOutputs(tx, run.id(), spec.id(), counts.total());
    if (outputs.isEmpty()) {
      // The counts say all succeeded, the rows do not: trust the rows, wait for the rest.
      FanOutRows.writeCounts(tx, run.id(), spec.id(), counts);
      return new Next.Wait();
    }
    StringJoiner array = new StringJoiner(",", "[", "]");
    for (String out : outputs.get()) {
      array.add(out == null ? "null" : out);
    }
    String json = array.toString();
    try {
      limit.check(json, Boundary.output(spec.id()).describe(run.workflow()));
    } catch (PayloadTooLargeException e) {
      StepError error =
          new StepError(PayloadTooLargeException.class.getName(), e.getMessage(), null);
      FanOutRows.failParent(tx, run.id(), spec.id(), error, now);
      return new Next.Fail(error);
    }
    // No counts written: a succeeded parent is never reopened, so they are not read again.
    FanOutRows.succeedParent(tx, run.id(), spec.id(), json, now);
    return new Next.Complete();
  }

  /**
   * The elements {@code indexes} (consecutive, ascending) of the list {@code spec} fans out over,
   * for the rows of elements that start after the first ones (maxConcurrency): the list's row is
   * read once per group of such rows.
   */
  private static List<String> elements(
      DSLContext tx, RunRow run, StepSpec spec, List<Integer> indexes) {
    String list =
        FanOutRows.succeededOutput(tx, run.id(), spec.options().parallelOver()).orElse(null);
    List<String> all = FanOutList.elementJsons(list, spec.id());
    return all.subList(indexes.get(0), indexes.get(indexes.size() - 1) + 1);
  }

  /** The counts of a parent written before parents kept them: from the run's rows, once. */
  private static FanOutCounts legacyCounts(
      DSLContext tx, RunRow run, StepSpec spec, Status status, List<String> finishing) {
    List<StepRow> rows = StepStore.steps(tx, run.id());
    String list =
        rows.stream()
            .filter(r -> r.stepId().equals(spec.options().parallelOver()))
            .findFirst()
            .map(StepRow::output)
            .orElse(null);
    return FanOutCounts.fromRows(
        spec.id(), status, FanOutList.size(list, spec.id()), rows, finishing);
  }
}

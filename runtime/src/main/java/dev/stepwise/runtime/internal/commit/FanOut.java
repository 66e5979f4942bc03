package dev.stepwise.runtime.internal.commit;

import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.RunRepository.odt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.progress.GraphProgress;
import dev.stepwise.runtime.internal.store.RunRepository;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
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
  private static final ObjectMapper JSON = new ObjectMapper();

  private FanOut() {}

  /**
   * The graph progress with the fan-outs split off.
   *
   * @param progress the progress; its {@code ready} excludes fan-out steps
   * @param started fan-out steps to start, with their element count
   * @param empty fan-out steps over an empty list: they succeed at once with {@code []}
   */
  record Plan(GraphProgress.Result progress, Map<String, Integer> started, List<String> empty) {}

  /**
   * Advances the graph, treating fan-outs over an empty list as succeeded at once (and advancing
   * again past them). {@code statuses} and {@code outputs} are updated with those.
   */
  static Plan plan(WorkflowGraph graph, Map<String, Status> statuses, Map<String, String> outputs) {
    List<String> empty = new ArrayList<>();
    while (true) {
      GraphProgress.Result p = GraphProgress.advance(graph, statuses);
      Map<String, Integer> started = new HashMap<>();
      List<String> ready = new ArrayList<>();
      boolean again = false;
      for (String id : p.ready()) {
        StepSpec spec = graph.step(id).orElseThrow();
        if (!spec.options().isParallel()) {
          ready.add(id);
          continue;
        }
        int size = elements(outputs.get(spec.options().parallelOver()), id).size();
        if (size == 0) {
          empty.add(id);
          statuses.put(id, Status.SUCCEEDED);
          outputs.put(id, "[]");
          again = true;
        } else {
          started.put(id, size);
        }
      }
      if (!again) {
        GraphProgress.Result filtered =
            new GraphProgress.Result(List.copyOf(ready), p.skipped(), p.runStatus(), p.waiting());
        return new Plan(filtered, started, List.copyOf(empty));
      }
    }
  }

  /** Inserts the parents and first elements the plan starts; true if elements were queued. */
  static boolean insert(DSLContext tx, RunRow run, WorkflowGraph graph, Plan plan, Instant now) {
    for (String id : plan.empty()) {
      insertRow(tx, run, id, Status.SUCCEEDED, "[]", now, now, now);
    }
    boolean queued = false;
    for (Map.Entry<String, Integer> e : plan.started().entrySet()) {
      StepSpec spec = graph.step(e.getKey()).orElseThrow();
      insertRow(tx, run, e.getKey(), Status.RUNNING, null, now, now, null);
      int first = limit(spec, e.getValue());
      for (int i = 0; i < first; i++) {
        insertRow(tx, run, Ids.itemId(e.getKey(), i), Status.PENDING, null, now, null, null);
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

  /** Applies {@link #itemFinished} to the elements among {@code items}, all of {@code run}. */
  static GroupEffect itemsFinished(
      DSLContext tx,
      RunRepository repo,
      RunRow run,
      List<Completion.Item> items,
      Function<String, WorkflowGraph> graphs,
      Instant now) {
    boolean advance = false;
    boolean queued = false;
    String failedStep = null;
    StepError error = null;
    for (Completion.Item i : items) {
      if (!Ids.isItem(i.task().stepId())) {
        advance = true;
        continue;
      }
      WorkflowGraph graph = graphs.apply(i.task().workflow());
      ItemResult r = itemFinished(tx, repo, run, graph, i.task().stepId(), i.outcome(), now);
      if (r instanceof ItemResult.Failed f && failedStep == null) {
        failedStep = f.stepId();
        error = f.error();
      } else if (r instanceof ItemResult.Running running) {
        queued |= running.queued();
      } else if (r instanceof ItemResult.Finished) {
        advance = true;
      }
    }
    return new GroupEffect(advance, queued, failedStep, error);
  }

  /** What finishing one element did to its fan-out. */
  sealed interface ItemResult {
    /** The fan-out step is still running; {@code queued} if a next element was inserted. */
    record Running(boolean queued) implements ItemResult {}

    /** The fan-out step finished (succeeded or skipped): advance the graph. */
    record Finished() implements ItemResult {}

    /** An element failed for good: the fan-out step failed, and the run must fail with it. */
    record Failed(String stepId, StepError error) implements ItemResult {}

    /** The fan-out step was already finished; nothing to do. */
    record Ignored() implements ItemResult {}
  }

  /**
   * Records, under the run lock, that element {@code itemId} finished with {@code outcome} (its own
   * row is already updated).
   */
  static ItemResult itemFinished(
      DSLContext tx,
      RunRepository repo,
      RunRow run,
      WorkflowGraph graph,
      String itemId,
      Outcome outcome,
      Instant now) {
    String stepId = Ids.stepOf(itemId);
    StepSpec spec = graph.step(stepId).orElseThrow();
    List<StepRow> rows = repo.steps(tx, run.id());
    Optional<StepRow> parent = rows.stream().filter(r -> r.stepId().equals(stepId)).findFirst();
    if (parent.isEmpty() || parent.get().status() != Status.RUNNING) {
      return new ItemResult.Ignored();
    }
    if (outcome instanceof Outcome.Failed f) {
      finishParent(tx, run, stepId, Status.FAILED, null, f.error(), now);
      return new ItemResult.Failed(stepId, f.error());
    }
    if (outcome instanceof Outcome.Skipped) {
      // A condition cannot read the element, so every element would say the same: skip the step.
      finishParent(tx, run, stepId, Status.SKIPPED, null, null, now);
      return new ItemResult.Finished();
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
    int total = elements(listJson, stepId).size();
    if (items.size() < total) {
      // One finished, so one more may start: keeps at most maxConcurrency unfinished.
      insertRow(tx, run, Ids.itemId(stepId, items.size()), Status.PENDING, null, now, null, null);
      return new ItemResult.Running(true);
    }
    StringJoiner array = new StringJoiner(",", "[", "]");
    for (int i = 0; i < total; i++) {
      StepRow item = items.get(i);
      if (item.status() != Status.SUCCEEDED) {
        return new ItemResult.Running(false);
      }
      array.add(item.output() == null ? "null" : item.output());
    }
    finishParent(tx, run, stepId, Status.SUCCEEDED, array.toString(), null, now);
    return new ItemResult.Finished();
  }

  /** The JSON of element {@code index} of the list {@code listJson}. */
  public static String element(String listJson, String stepId, int index) {
    List<JsonNode> elements = elements(listJson, stepId);
    if (index >= elements.size()) {
      throw new StepwiseException(
          "Step \"" + stepId + "\" has no element " + index + "; the list has " + elements.size());
    }
    try {
      return JSON.writeValueAsString(elements.get(index));
    } catch (JsonProcessingException e) {
      throw new StepwiseException("Cannot write element " + index + " of step " + stepId, e);
    }
  }

  private static List<JsonNode> elements(String listJson, String stepId) {
    if (listJson == null) {
      return List.of(); // a null list fans out over nothing
    }
    try {
      JsonNode node = JSON.readTree(listJson);
      if (!node.isArray()) {
        throw new StepwiseException(
            "Step \"" + stepId + "\" fans out over a value that is not a JSON array: " + listJson);
      }
      List<JsonNode> out = new ArrayList<>(node.size());
      node.forEach(out::add);
      return out;
    } catch (JsonProcessingException e) {
      throw new StepwiseException("Cannot read the list step \"" + stepId + "\" fans out over", e);
    }
  }

  private static int limit(StepSpec spec, int total) {
    int max = spec.options().maxConcurrency();
    return max == 0 ? total : Math.min(max, total);
  }

  private static void finishParent(
      DSLContext tx,
      RunRow run,
      String stepId,
      Status status,
      String output,
      StepError error,
      Instant now) {
    tx.update(SW_STEPS)
        .set(SW_STEPS.STATUS, status.name())
        .set(SW_STEPS.OUTPUT, output)
        .set(SW_STEPS.ERROR_TYPE, error == null ? null : error.type())
        .set(SW_STEPS.ERROR_MESSAGE, error == null ? null : error.message())
        .set(SW_STEPS.ERROR_STACK, error == null ? null : error.stackTrace())
        .set(SW_STEPS.FINISHED_AT, odt(now))
        .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
        .where(
            SW_STEPS
                .RUN_ID
                .eq(run.id())
                .and(SW_STEPS.STEP_ID.eq(stepId))
                .and(SW_STEPS.STATUS.eq(Status.RUNNING.name())))
        .execute();
  }

  private static void insertRow(
      DSLContext tx,
      RunRow run,
      String rowId,
      Status status,
      String output,
      Instant now,
      Instant startedAt,
      Instant finishedAt) {
    tx.insertInto(SW_STEPS)
        .set(SW_STEPS.RUN_ID, run.id())
        .set(SW_STEPS.STEP_ID, rowId)
        .set(SW_STEPS.WORKFLOW, run.workflow())
        .set(SW_STEPS.STATUS, status.name())
        .set(SW_STEPS.ATTEMPTS, 0)
        .set(SW_STEPS.NOT_BEFORE, odt(now))
        .set(SW_STEPS.OUTPUT, output)
        .set(SW_STEPS.STARTED_AT, odt(startedAt))
        .set(SW_STEPS.FINISHED_AT, odt(finishedAt))
        .set(SW_STEPS.VERSION, 0L)
        .execute();
  }
}

package dev.stepwise.runtime.internal.progress;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph progress with the fan-outs ({@code @Parallel}) split off.
 *
 * @param progress the progress; its {@code ready} excludes fan-out steps
 * @param started fan-out steps to start, with their element count
 * @param empty fan-out steps over an empty list: they succeed at once with {@code []}
 */
public record FanOutPlan(
    GraphProgress.Result progress, Map<String, Integer> started, List<String> empty) {

  /**
   * Advances the graph, treating fan-outs over an empty list as succeeded at once (and advancing
   * again past them). {@code statuses} and {@code outputs} are updated with those.
   */
  public static FanOutPlan of(
      WorkflowGraph graph, Map<String, Status> statuses, Map<String, String> outputs) {
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
        int size = FanOutList.size(outputs.get(spec.options().parallelOver()), id);
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
        return new FanOutPlan(filtered, started, List.copyOf(empty));
      }
    }
  }

  /** How many of a fan-out's {@code total} elements start with it: at most maxConcurrency. */
  public static int firstElements(StepSpec spec, int total) {
    int max = spec.options().maxConcurrency();
    return max == 0 ? total : Math.min(max, total);
  }
}

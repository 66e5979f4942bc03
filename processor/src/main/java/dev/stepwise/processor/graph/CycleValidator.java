package dev.stepwise.processor.graph;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.Ref;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.WorkflowModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph has no cycle. Like Dagger's DependencyCycleValidator, each cycle is reported once, with
 * its readable path, on the first edge: the @After value that closes into the cycle's first step.
 */
final class CycleValidator implements GraphRule {
  @Override
  public void validate(WorkflowModel workflow, StepGraph graph, Diagnostics diag) {
    Map<String, StepModel> steps = workflow.stepsById();
    Set<String> reported = new HashSet<>();
    // Declaration order makes the reported cycle, and its start, the same on every build.
    for (String start : steps.keySet()) {
      if (reported.contains(start)) {
        continue;
      }
      List<String> cycle = shortestCycle(start, graph);
      if (cycle.isEmpty()) {
        continue;
      }
      // Every step of a strongly connected component is reported by this one error.
      reported.addAll(stronglyConnected(start, graph));
      StepModel second = steps.get(cycle.get(1));
      Ref edge =
          second.after().stream().filter(r -> r.name().equals(start)).findFirst().orElseThrow();
      diag.error(
          second.method(),
          second.afterMirror(),
          edge.value(),
          Messages.CYCLE,
          String.join(" -> ", cycle));
    }
  }

  /** The shortest path start -> ... -> start following "runs before" edges, or empty. */
  private static List<String> shortestCycle(String start, StepGraph graph) {
    Map<String, String> parent = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      String current = queue.poll();
      for (String next : graph.successors(current)) {
        if (next.equals(start)) {
          List<String> path = new ArrayList<>();
          for (String s = current; s != null; s = parent.get(s)) {
            path.add(0, s);
          }
          path.add(start);
          return path;
        }
        if (!parent.containsKey(next)) {
          parent.put(next, current);
          queue.add(next);
        }
      }
    }
    return List.of();
  }

  /** The steps both reachable from {@code start} and able to reach it. */
  private static Set<String> stronglyConnected(String start, StepGraph graph) {
    Set<String> result = new HashSet<>(graph.ancestors(start));
    result.retainAll(descendants(start, graph));
    result.add(start);
    return result;
  }

  private static Set<String> descendants(String start, StepGraph graph) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(graph.successors(start));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(graph.successors(next));
      }
    }
    return seen;
  }
}

package dev.stepwise.processor.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The step graph of a workflow: edges, reachability and which steps can be skipped. Unknown ids are
 * ignored (they are reported on their own) and cycles cannot make it loop.
 */
public final class StepGraph {
  private final Map<String, StepModel> steps;
  private final Map<String, List<String>> predecessors = new LinkedHashMap<>();
  private final Map<String, List<String>> successors = new LinkedHashMap<>();
  private final Map<String, Optional<String>> skipReasons = new HashMap<>();

  public StepGraph(WorkflowModel workflow) {
    this.steps = workflow.stepsById();
    steps.keySet().forEach(id -> successors.put(id, new ArrayList<>()));
    for (StepModel step : steps.values()) {
      List<String> known = step.afterIds().stream().distinct().filter(steps::containsKey).toList();
      predecessors.put(step.stepId(), known);
      known.forEach(p -> successors.get(p).add(step.stepId()));
    }
  }

  public List<String> predecessors(String id) {
    return predecessors.getOrDefault(id, List.of());
  }

  public List<String> successors(String id) {
    return successors.getOrDefault(id, List.of());
  }

  /** True if {@code candidate} must finish before {@code step} starts (backwards via @After). */
  public boolean isUpstream(String candidate, String step) {
    return ancestors(step).contains(candidate);
  }

  /** Every step reachable backwards from {@code step} through @After edges. */
  public Set<String> ancestors(String step) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(predecessors(step));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(predecessors(next));
      }
    }
    return seen;
  }

  /**
   * Why the step can be skipped, or empty if it always runs once reached. A step can be skipped if
   * it has a condition, or (join ALL) any predecessor can be, or (join ANY) all of them can be.
   */
  public Optional<String> skipReason(String id) {
    Optional<String> known = skipReasons.get(id);
    if (known != null) {
      return known;
    }
    // Provisionally "not skippable" so that a cycle (reported elsewhere) ends the recursion.
    skipReasons.put(id, Optional.empty());
    Optional<String> reason = computeSkipReason(steps.get(id));
    skipReasons.put(id, reason);
    return reason;
  }

  private Optional<String> computeSkipReason(StepModel step) {
    if (step == null) {
      return Optional.empty();
    }
    if (step.when() != null) {
      return Optional.of("it has when = \"" + step.when().name() + "\"");
    }
    if (step.unless() != null) {
      return Optional.of("it has unless = \"" + step.unless().name() + "\"");
    }
    if (step.options().hasEvent() && step.options().skipOnEventTimeout()) {
      return Optional.of(
          "its event \"" + step.options().eventName().name() + "\" can time out with SKIP");
    }
    List<String> preds = predecessors(step.stepId());
    List<String> skippable = preds.stream().filter(p -> skipReason(p).isPresent()).toList();
    if (step.join() == JoinKind.ANY && preds.size() > 1) {
      return skippable.size() == preds.size()
          ? Optional.of("every predecessor of its join ANY can be skipped")
          : Optional.empty();
    }
    return skippable.isEmpty()
        ? Optional.empty()
        : Optional.of("its predecessor \"" + skippable.get(0) + "\" can be skipped");
  }

  /** The steps nothing runs after, in declaration order. */
  List<String> terminals() {
    return steps.keySet().stream().filter(id -> successors(id).isEmpty()).toList();
  }

  /** The explicit result step if it exists, else the single terminal step, else null. */
  public String resultStep(WorkflowModel workflow) {
    if (workflow.result() != null) {
      return steps.containsKey(workflow.result().name()) ? workflow.result().name() : null;
    }
    List<String> terminals = terminals();
    return terminals.size() == 1 ? terminals.get(0) : null;
  }
}

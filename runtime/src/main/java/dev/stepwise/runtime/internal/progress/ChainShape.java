package dev.stepwise.runtime.internal.progress;

import dev.stepwise.runtime.internal.commit.ChainCompletion;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a workflow is a plain chain (one root, each step after at most one step and before at
 * most one, no fan-out, loop, event or timer) and, if so, which step follows which. In such a run
 * at most one step is open at any time, so the completion of a step that succeeded needs nothing
 * but the step itself to decide what comes next: {@link ChainCompletion} records it without reading
 * the run's other steps.
 */
public final class ChainShape {
  private static final ChainShape NOT_A_CHAIN = new ChainShape(null);

  // step id -> the step after it; a step without an entry ends the chain
  private final Map<String, String> next;

  private ChainShape(Map<String, String> next) {
    this.next = next;
  }

  public static ChainShape of(WorkflowGraph graph) {
    Map<String, String> next = new HashMap<>();
    int roots = 0;
    for (StepSpec s : graph.steps()) {
      if (s.options().isParallel()
          || s.options().isLoop()
          || s.options().hasEvent()
          || s.options().delay() != null
          || s.after().size() > 1) {
        return NOT_A_CHAIN;
      }
      if (s.isRoot()) {
        roots++;
      } else if (next.putIfAbsent(s.after().get(0), s.id()) != null) {
        return NOT_A_CHAIN; // two steps after the same one: a fork
      }
    }
    return roots == 1 ? new ChainShape(Map.copyOf(next)) : NOT_A_CHAIN;
  }

  public boolean isChain() {
    return next != null;
  }

  /** The step after {@code stepId}, or empty if it is the last one. Only for chains. */
  public Optional<String> after(String stepId) {
    return Optional.ofNullable(next.get(stepId));
  }
}

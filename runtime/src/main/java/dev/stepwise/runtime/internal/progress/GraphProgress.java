package dev.stepwise.runtime.internal.progress;

import dev.stepwise.Join;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes, from the statuses of a run's steps, which steps became ready, which are skipped without
 * running, and the run's resulting status. Pure: the completion transaction calls it under the run
 * lock, so two completions never both see a join as new.
 */
public final class GraphProgress {
  private GraphProgress() {}

  /**
   * What changed.
   *
   * @param ready steps to insert as runnable, in graph order
   * @param skipped steps to insert as SKIPPED (join rules), in graph order
   * @param runStatus the run's status once those rows exist
   * @param waiting steps that are ready but wait in the database first (a durable timer), to insert
   *     as WAITING, in graph order
   */
  public record Result(
      List<String> ready, List<String> skipped, Status runStatus, List<String> waiting) {
    Result(List<String> ready, List<String> skipped, Status runStatus) {
      this(ready, skipped, runStatus, List.of());
    }
  }

  private enum Decision {
    WAIT,
    RUN,
    SKIP
  }

  /**
   * Advances the run. {@code statuses} holds one entry per step row; steps without an entry have
   * not been reached. Roots are inserted when the run starts, so they are never returned here.
   */
  public static Result advance(WorkflowGraph graph, Map<String, Status> statuses) {
    Map<String, Status> known = new HashMap<>(statuses);
    List<String> ready = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> waiting = new ArrayList<>();
    boolean failed = known.values().stream().anyMatch(GraphProgress::stopsTheRun);
    // Iterate to a fixpoint: a skip can make a later join decidable, in any declaration order.
    boolean changed = !failed;
    while (changed) {
      changed = false;
      for (StepSpec step : graph.steps()) {
        if (step.isRoot() || known.containsKey(step.id())) {
          continue;
        }
        Decision d = decide(step, known);
        if (d == Decision.RUN && step.options().delay() != null) {
          waiting.add(step.id());
          known.put(step.id(), Status.WAITING);
          changed = true;
        } else if (d == Decision.RUN) {
          ready.add(step.id());
          known.put(step.id(), Status.PENDING);
          changed = true;
        } else if (d == Decision.SKIP) {
          skipped.add(step.id());
          known.put(step.id(), Status.SKIPPED);
          changed = true;
        }
      }
    }
    return new Result(
        List.copyOf(ready), List.copyOf(skipped), runStatus(graph, known), List.copyOf(waiting));
  }

  private static boolean stopsTheRun(Status s) {
    return s == Status.FAILED || s == Status.CANCELLED;
  }

  private static Decision decide(StepSpec step, Map<String, Status> known) {
    int succeeded = 0;
    int skippedPreds = 0;
    for (String p : step.after()) {
      Status s = known.get(p);
      if (s == Status.SUCCEEDED) {
        succeeded++;
      } else if (s == Status.SKIPPED) {
        skippedPreds++;
      } else {
        return Decision.WAIT; // not reached, still running, suspended, or failed
      }
    }
    if (step.join() == Join.ANY) {
      return succeeded > 0 ? Decision.RUN : Decision.SKIP;
    }
    return skippedPreds > 0 ? Decision.SKIP : Decision.RUN;
  }

  /** The run's status given its steps' statuses (for a run that was not cancelled). */
  public static Status runStatus(WorkflowGraph graph, Map<String, Status> known) {
    if (known.values().stream().anyMatch(s -> s == Status.FAILED)) {
      return Status.FAILED;
    }
    if (known.values().stream().anyMatch(s -> s == Status.PENDING || s == Status.RUNNING)) {
      return Status.RUNNING;
    }
    if (known.values().stream().anyMatch(s -> s == Status.SUSPENDED)) {
      return Status.SUSPENDED;
    }
    if (known.values().stream().anyMatch(s -> s == Status.WAITING)) {
      // Only timers (or events) left: the run goes on by itself, or when the event arrives.
      return Status.WAITING;
    }
    boolean allDone =
        graph.steps().stream()
            .allMatch(s -> known.containsKey(s.id()) && known.get(s.id()).isTerminal());
    return allDone ? Status.SUCCEEDED : Status.RUNNING;
  }
}

package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.RunNotFoundException;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.NewStep;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.StepStore;
import dev.stepwise.runtime.internal.store.TimerRows;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Forks a run: a new run, in one transaction, whose steps before the fork point are copies of the
 * source run's (with their outputs, or the replaced ones) and whose fork step and every step after
 * it run again. The source run is read under its lock and left as it is.
 */
public final class RunFork {
  private final RunStore repo;
  private final TimerRows timers;
  private final RunChanges changes;
  private final Wakeups wakeups;
  private final Clock clock;

  public RunFork(
      RunStore repo, TimerRows timers, RunChanges changes, Wakeups wakeups, Clock clock) {
    this.repo = repo;
    this.timers = timers;
    this.changes = changes;
    this.wakeups = wakeups;
    this.clock = clock;
  }

  /**
   * What a fork stores.
   *
   * @param inputJson the new input, or null for the source's
   * @param outputJsons replaced outputs of steps before the fork point
   * @param context what observers store with the new run, or null
   */
  public record Request(
      String sourceId,
      String fromStep,
      String newRunId,
      String inputJson,
      Map<String, String> outputJsons,
      String context) {}

  /** Stores the fork; returns the new run's id. */
  public String fork(
      WorkflowGraph graph, Request request, Function<String, RunNotFoundException> notFound) {
    Set<String> rerun = fromStepOn(graph, request.fromStep());
    for (String replaced : request.outputJsons().keySet()) {
      if (graph.step(replaced).isEmpty() || rerun.contains(replaced)) {
        throw new StepwiseException(
            "Cannot replace the output of step \""
                + replaced
                + "\" in a fork from \""
                + request.fromStep()
                + "\": only steps before the fork point are copied, the others run again");
      }
    }
    Instant now = clock.instant();
    Instant timerDue =
        repo.inTransaction(
            tx -> {
              RunRow source =
                  repo.lockRun(tx, request.sourceId())
                      .filter(r -> r.workflow().equals(graph.name()))
                      .orElseThrow(() -> notFound.apply(request.sourceId()));
              if (!source.graphVersion().equals(graph.version())) {
                throw new StepwiseException(
                    "Run "
                        + source.id()
                        + " started with graph version "
                        + source.graphVersion()
                        + ", the deployed graph of workflow \""
                        + graph.name()
                        + "\" is "
                        + graph.version()
                        + "; a fork copies steps of the same graph only");
              }
              if (repo.findRun(request.newRunId()).isPresent()) {
                throw new StepwiseException(
                    "Run id " + request.newRunId() + " is taken; a fork needs a run id of its own");
              }
              String input = request.inputJson() != null ? request.inputJson() : source.input();
              RunRow run =
                  new RunRow(
                      request.newRunId(),
                      graph.name(),
                      graph.version(),
                      Status.PENDING,
                      input,
                      null,
                      null,
                      null,
                      now,
                      now,
                      null);
              repo.insertRun(tx, run, request.context());
              repo.setForkedFrom(tx, run.id(), source.id() + "@" + request.fromStep());
              Map<String, Status> statuses = new HashMap<>();
              Map<String, String> outputs = new HashMap<>();
              for (StepRow r : StepStore.steps(tx, source.id())) {
                boolean copied =
                    !Ids.isItem(r.stepId())
                        && graph.step(r.stepId()).isPresent()
                        && !rerun.contains(r.stepId())
                        && (r.status() == Status.SUCCEEDED || r.status() == Status.SKIPPED);
                if (!copied) {
                  continue;
                }
                String output = request.outputJsons().getOrDefault(r.stepId(), r.output());
                StepStore.insertCopied(
                    tx, run.id(), r.stepId(), graph.name(), r.status(), output, r.attempts(), now);
                statuses.put(r.stepId(), r.status());
                if (r.status() == Status.SUCCEEDED) {
                  outputs.put(r.stepId(), output);
                }
              }
              // Roots are never "ready" to the graph's progress (a start inserts them): a root the
              // fork runs again is inserted here.
              List<NewStep> roots = new ArrayList<>();
              for (StepSpec spec : graph.steps()) {
                if (spec.isRoot() && !statuses.containsKey(spec.id())) {
                  roots.add(NewStep.pending(run.id(), spec.id(), graph.name(), spec.queueName()));
                  statuses.put(spec.id(), Status.PENDING);
                }
              }
              StepStore.insertSteps(tx, roots, now);
              return ReadySteps.insert(tx, timers, run, graph, statuses, outputs, now);
            });
    changes.changed(request.newRunId());
    wakeups.workQueued();
    if (timerDue != null) {
      wakeups.timerAt(timerDue);
    }
    return request.newRunId();
  }

  /** {@code fromStep} and every step downstream of it. */
  static Set<String> fromStepOn(WorkflowGraph graph, String fromStep) {
    if (graph.step(fromStep).isEmpty()) {
      throw new StepwiseException(
          "Workflow \"" + graph.name() + "\" has no step \"" + fromStep + "\" to fork from");
    }
    Set<String> out = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(fromStep));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (out.add(id)) {
        for (StepSpec s : graph.steps()) {
          if (s.after().contains(id)) {
            todo.push(s.id());
          }
        }
      }
    }
    return out;
  }
}

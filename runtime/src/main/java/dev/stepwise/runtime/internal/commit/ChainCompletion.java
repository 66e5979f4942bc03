package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Registry;
import dev.stepwise.runtime.internal.model.Rows.NewStep;
import dev.stepwise.runtime.internal.model.Rows.Snapshot;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.progress.ChainShape;
import dev.stepwise.runtime.internal.progress.RunStatuses;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.dialect.ChainWrites;
import dev.stepwise.runtime.internal.store.dialect.PgChainWrites;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a step of a chain that succeeded without reading the run's other steps (see {@link
 * ChainShape}): the next step is known from the graph, and the last step finishes the run. One
 * transaction per step, not grouped: on PostgreSQL it is a single statement ({@link
 * PgChainWrites}), cheaper than sharing a group's transaction.
 */
public final class ChainCompletion {
  private static final Logger log = LoggerFactory.getLogger(ChainCompletion.class);

  private final ChainWrites writes;
  private final RunStore repo;
  private final Registry registry;
  private final Permits pool;
  private final RunChanges waiters;
  private final Wakeups wakeups;
  private final EngineConfig config;
  private final Clock clock;
  private final Map<String, ChainShape> shapes = new ConcurrentHashMap<>();

  public ChainCompletion(
      ChainWrites writes,
      RunStore repo,
      Registry registry,
      Permits pool,
      RunChanges waiters,
      Wakeups wakeups,
      EngineConfig config,
      Clock clock) {
    this.writes = writes;
    this.repo = repo;
    this.registry = registry;
    this.pool = pool;
    this.waiters = waiters;
    this.wakeups = wakeups;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Records {@code outcome} if {@code task} is a step of a chain; empty if it is not, and the
   * general completion must record it. The successor returned inherits the caller's permit.
   */
  Optional<List<Task>> record(Task task, Outcome.Succeeded outcome) {
    Optional<WorkflowGraph> graph = registry.find(task.workflow()).map(d -> d.graph());
    // Its chain shape is the current graph's: runs kept on a previous version take the general
    // path.
    if (graph.isEmpty() || registry.hasPrevious(task.workflow())) {
      return Optional.empty();
    }
    ChainShape shape = shapes.computeIfAbsent(task.workflow(), w -> ChainShape.of(graph.get()));
    if (!shape.isChain()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<String> next = shape.after(task.stepId());
    if (next.isEmpty()) {
      ChainWrites.Result r = writes.finish(task, config.nodeId(), outcome.outputJson(), now);
      if (r.kind() == ChainWrites.Kind.FINISHED) {
        waiters.finished(task.workflow(), task.runId(), Status.SUCCEEDED, r.run().createdAt(), now);
        RunStatus status = RunStatuses.of(graph.get(), r.run(), r.steps());
        if (r.mayHaveChildren() && waiters.isAwaited(task.runId())) {
          status = ChildRuns.withChildren(repo, status); // handed over complete
        }
        if (writes.finishAnnounces()) {
          waiters.changedAndAnnounced(task.runId(), status);
        } else {
          waiters.changed(task.runId(), status);
        }
        return Optional.of(List.of());
      }
      return Optional.of(ended(task, r.kind()));
    }
    // The caller's permit passes to the next step, unless this node stops taking work or the step
    // waits for a queue: only the queue's claim may start it, after counting its running steps.
    String queue = registry.queueOf(task.workflow(), next.get());
    boolean local = pool.accepting() && queue == null;
    NewStep row =
        local
            ? NewStep.leased(
                task.runId(), next.get(), task.workflow(), config.nodeId(), now, config.lease())
            : NewStep.pending(task.runId(), next.get(), task.workflow(), queue);
    ChainWrites.Result r = writes.advance(task, config.nodeId(), outcome.outputJson(), row, now);
    if (r.kind() != ChainWrites.Kind.ADVANCED) {
      return Optional.of(ended(task, r.kind()));
    }
    waiters.touched(task.runId());
    if (!local) {
      wakeups.workQueued();
      return Optional.of(List.of());
    }
    return Optional.of(
        List.of(
            new Task(
                task.runId(),
                next.get(),
                task.workflow(),
                1,
                1L,
                null,
                successorSnapshot(task, outcome.outputJson()))));
  }

  private List<Task> ended(Task task, ChainWrites.Kind kind) {
    if (kind == ChainWrites.Kind.LEASE_LOST) {
      log.warn(
          "Lost the lease of step {} of run {} (attempt {}); its result was dropped because another"
              + " node has taken it over",
          task.stepId(),
          task.runId(),
          task.attempt());
    } else {
      waiters.touched(task.runId()); // recorded in a run that was cancelled or failed meanwhile
    }
    return List.of();
  }

  /** What the next step needs: this step's snapshot plus its output; null if there was none. */
  private static Snapshot successorSnapshot(Task task, String output) {
    Snapshot s = task.snapshot();
    if (s == null) {
      return null; // the next step reads the run (a claimed task carries no snapshot)
    }
    Map<String, String> outputs = new HashMap<>(s.outputs());
    outputs.put(task.stepId(), output);
    return new Snapshot(s.graphVersion(), Status.RUNNING, s.input(), outputs);
  }
}

package dev.stepwise.runtime.internal;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.Rows.NewStep;
import dev.stepwise.runtime.internal.Rows.RunRow;
import dev.stepwise.runtime.internal.Rows.Snapshot;
import dev.stepwise.runtime.internal.Rows.StepRow;
import dev.stepwise.runtime.internal.Rows.Task;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a step's outcome and queues what became ready, in ONE transaction: the fenced step
 * update, the run lock, the graph progress, the successor rows and the run status commit together.
 * Successors this node has room for are inserted already leased to it and returned, so the steady
 * state is one commit per step with no claim in between.
 */
final class Completion {
  private static final Logger log = LoggerFactory.getLogger(Completion.class);

  private final RunRepository repo;
  private final TaskQueue queue;
  private final Registry registry;
  private final WorkerPool pool;
  private final RunWaiters waiters;
  private final Dispatcher dispatcher;
  private final EngineConfig config;
  private final Clock clock;

  Completion(
      RunRepository repo,
      TaskQueue queue,
      Registry registry,
      WorkerPool pool,
      RunWaiters waiters,
      Dispatcher dispatcher,
      EngineConfig config,
      Clock clock) {
    this.repo = repo;
    this.queue = queue;
    this.registry = registry;
    this.pool = pool;
    this.waiters = waiters;
    this.dispatcher = dispatcher;
    this.config = config;
    this.clock = clock;
  }

  /** What the transaction did. */
  private record Recorded(boolean leaseLost, boolean runChanged, boolean queued, List<Task> local) {
    static final Recorded LOST = new Recorded(true, false, false, List.of());
    static final Recorded QUIET = new Recorded(false, false, false, List.of());
  }

  /**
   * Records {@code outcome} for {@code task}, which the calling worker holds one permit for.
   * Returns the successors to execute on this node; the first inherits the caller's permit, each
   * other one has a permit of its own.
   */
  List<Task> record(Task task, Outcome outcome) {
    if (outcome instanceof Outcome.Retry retry) {
      scheduleRetry(task, retry);
      return List.of();
    }
    // Set inside the transaction when successors take permits; given back unless it commits.
    int[] extraPermits = {0};
    Recorded r;
    try {
      r = repo.inTransaction(tx -> recordInTx(tx, task, outcome, extraPermits));
    } catch (RuntimeException e) {
      pool.releaseQuietly(extraPermits[0]);
      throw e;
    }
    if (r.leaseLost()) {
      pool.releaseQuietly(extraPermits[0]);
      log.warn(
          "Lost the lease of step {} of run {} (attempt {}); its result was dropped because another"
              + " node has taken it over",
          task.stepId(),
          task.runId(),
          task.attempt());
      return List.of();
    }
    if (r.runChanged()) {
      waiters.changed(task.runId());
    }
    if (r.queued()) {
      dispatcher.workQueued();
    }
    return r.local();
  }

  private void scheduleRetry(Task task, Outcome.Retry retry) {
    if (queue.retryStep(task, config.nodeId(), retry.error(), retry.notBefore()) == 0) {
      log.warn(
          "Lost the lease of step {} of run {}; not scheduling a retry",
          task.stepId(),
          task.runId());
      return;
    }
    log.info(
        "Step {} of run {} failed on attempt {} ({}); retrying at {}",
        task.stepId(),
        task.runId(),
        task.attempt(),
        retry.error().summary(),
        retry.notBefore());
    dispatcher.wakeAt(retry.notBefore());
  }

  private Recorded recordInTx(DSLContext tx, Task task, Outcome outcome, int[] extraPermits) {
    // Run first, then step: every writer takes the locks in this order, so none deadlock.
    Optional<RunRow> locked = repo.lockRun(tx, task.runId());
    if (locked.isEmpty()) {
      return Recorded.LOST; // deleted by retention while the step ran
    }
    // Read the clock under the lock, so a join never starts before a predecessor finished.
    Instant now = clock.instant();
    RunRow run = locked.get();
    // A step that suspends in a run that has finished meanwhile can never be resumed.
    Outcome recorded =
        run.status().isTerminal() && outcome instanceof Outcome.Suspended
            ? new Outcome.Abandoned()
            : outcome;
    if (!finishStep(tx, task, recorded, now)) {
      return Recorded.LOST;
    }
    if (run.status().isTerminal()) {
      // Cancelled or failed meanwhile: the step is recorded, nothing new starts.
      return Recorded.QUIET;
    }
    if (outcome instanceof Outcome.Failed failed) {
      repo.failRun(tx, run.id(), task.stepId(), failed.error(), now);
      repo.cancelOpenSteps(tx, run.id(), now);
      return new Recorded(false, true, false, List.of());
    }
    return advance(tx, task, run, now, extraPermits);
  }

  private boolean finishStep(DSLContext tx, Task task, Outcome outcome, Instant now) {
    String owner = config.nodeId();
    int n;
    if (outcome instanceof Outcome.Succeeded s) {
      n = repo.finishStep(tx, task, owner, Status.SUCCEEDED, s.outputJson(), null, null, now);
    } else if (outcome instanceof Outcome.Skipped) {
      n = repo.finishStep(tx, task, owner, Status.SKIPPED, null, null, null, now);
    } else if (outcome instanceof Outcome.Suspended s) {
      n = repo.finishStep(tx, task, owner, Status.SUSPENDED, null, null, s.reason(), now);
    } else if (outcome instanceof Outcome.Failed f) {
      n = repo.finishStep(tx, task, owner, Status.FAILED, null, f.error(), null, now);
    } else {
      n = repo.finishStep(tx, task, owner, Status.CANCELLED, null, null, null, now);
    }
    return n == 1;
  }

  private Recorded advance(DSLContext tx, Task task, RunRow run, Instant now, int[] extraPermits) {
    WorkflowGraph graph =
        registry.find(task.workflow()).orElseThrow(() -> unknown(task.workflow())).graph();
    Map<String, Status> statuses = new HashMap<>();
    Map<String, String> outputs = new HashMap<>();
    for (StepRow s : repo.steps(tx, run.id())) {
      statuses.put(s.stepId(), s.status());
      if (s.status() == Status.SUCCEEDED) {
        outputs.put(s.stepId(), s.output());
      }
    }
    GraphProgress.Result p = GraphProgress.advance(graph, statuses);
    int local = 0;
    if (!p.ready().isEmpty() && pool.accepting()) {
      // The caller's own permit passes to the first successor; take more for the others.
      extraPermits[0] = pool.tryAcquire(p.ready().size() - 1);
      local = 1 + extraPermits[0];
    }
    List<NewStep> rows = new ArrayList<>();
    List<Task> tasks = new ArrayList<>();
    Snapshot snapshot = new Snapshot(run.graphVersion(), p.runStatus(), run.input(), outputs);
    for (int i = 0; i < p.ready().size(); i++) {
      String stepId = p.ready().get(i);
      if (i < local) {
        rows.add(leasedStep(run, stepId, now));
        tasks.add(new Task(run.id(), stepId, run.workflow(), 1, 1L, null, snapshot));
      } else {
        rows.add(
            new NewStep(
                run.id(), stepId, run.workflow(), Status.PENDING, 0, null, null, null, null, 0L));
      }
    }
    for (String stepId : p.skipped()) {
      rows.add(
          new NewStep(
              run.id(), stepId, run.workflow(), Status.SKIPPED, 0, null, null, null, now, 0L));
    }
    repo.insertSteps(tx, rows, now);
    boolean changed = p.runStatus() != run.status();
    if (changed) {
      repo.setRunStatus(tx, run.id(), p.runStatus(), now);
    }
    return new Recorded(false, changed, local < p.ready().size(), tasks);
  }

  /** A successor inserted already claimed by this node: attempt 1, version 1, leased. */
  NewStep leasedStep(RunRow run, String stepId, Instant now) {
    return new NewStep(
        run.id(),
        stepId,
        run.workflow(),
        Status.RUNNING,
        1,
        config.nodeId(),
        now.plus(config.lease()),
        now,
        null,
        1L);
  }

  private static IllegalStateException unknown(String workflow) {
    // The claim only takes steps of registered workflows, so this is a bug.
    return new IllegalStateException("workflow \"" + workflow + "\" is not registered");
  }
}

package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.PayloadLimit;
import dev.stepwise.runtime.internal.model.Registry;
import dev.stepwise.runtime.internal.model.Rows.NewStep;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.Snapshot;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.progress.FanOutPlan;
import dev.stepwise.runtime.internal.progress.GraphProgress;
import dev.stepwise.runtime.internal.progress.RunStatuses;
import dev.stepwise.runtime.internal.store.FanOutRows;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.StepErrorRows;
import dev.stepwise.runtime.internal.store.StepStore;
import dev.stepwise.runtime.internal.store.TimerRows;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ONE transaction writes for a group of step outcomes, and what it reports once committed: the
 * fenced step updates, the run locks, fan-out elements, the graph progress, the successor rows and
 * the run statuses. Successors this node has room for are inserted already leased to it. Shared by
 * the group commit and the transactional commit, which differ only in how the transaction is
 * formed.
 */
final class OutcomeWrites {
  private static final Logger log = LoggerFactory.getLogger(OutcomeWrites.class);

  private final RunStore repo;
  private final Registry registry;
  private final Permits pool;
  private final RunChanges waiters;
  private final Wakeups wakeups;
  private final EngineConfig config;
  private final PayloadLimit limit;
  private final Clock clock;
  private final TimerRows timers;

  OutcomeWrites(
      RunStore repo,
      Registry registry,
      Permits pool,
      RunChanges waiters,
      Wakeups wakeups,
      EngineConfig config,
      Clock clock,
      TimerRows timers) {
    this.repo = repo;
    this.registry = registry;
    this.pool = pool;
    this.waiters = waiters;
    this.wakeups = wakeups;
    this.config = config;
    this.limit = config.payloadLimit();
    this.clock = clock;
    this.timers = timers;
  }

  /** A step's outcome to record. */
  record Item(Task task, Outcome outcome) {}

  /** What the transaction did for one item. */
  record Recorded(boolean leaseLost, List<Task> local) {
    static final Recorded LOST = new Recorded(true, List.of());
    static final Recorded QUIET = new Recorded(false, List.of());
  }

  /** What the transaction did for a group. */
  static final class GroupResult {
    final Map<Item, Recorded> byItem = new HashMap<>();
    final List<String> settledRuns = new ArrayList<>();
    // The final status of runs this group finished successfully, handed to their waiters.
    final Map<String, RunStatus> succeeded = new HashMap<>();
    // The runs this group finished, for the observers.
    final List<FinishedRun> finished = new ArrayList<>();
    boolean queued;
    int extraPermits;
  }

  /** A run a group finished. */
  record FinishedRun(RunRow run, Status status, Instant at) {}

  /** Gives back the extra permits a transaction that failed (or is retried) had taken. */
  void releasePermits(GroupResult attempt) {
    if (attempt != null) {
      pool.releaseQuietly(attempt.extraPermits);
    }
  }

  void afterCommit(GroupResult r) {
    // Observers first: whoever a waiter wakes sees the run counted.
    for (FinishedRun f : r.finished) {
      waiters.finished(f.run().workflow(), f.run().id(), f.status(), f.run().createdAt(), f.at());
    }
    for (String id : r.settledRuns) {
      RunStatus succeeded = r.succeeded.get(id);
      // Handed over complete, with the child runs' steps, and only to a thread that waits.
      waiters.changed(
          id,
          succeeded == null || !waiters.isAwaited(id)
              ? null
              : ChildRuns.withChildren(repo, succeeded));
    }
    // Watches hear of every change, settled or not (a no-op without watches).
    r.byItem.keySet().forEach(i -> waiters.touched(i.task().runId()));
    if (r.queued) {
      wakeups.workQueued();
    }
  }

  List<Task> resultFor(GroupResult r, Item item) {
    Recorded rec = r.byItem.getOrDefault(item, Recorded.QUIET);
    if (rec.leaseLost()) {
      log.warn(
          "Lost the lease of step {} of run {} (attempt {}); its result was dropped because another"
              + " node has taken it over",
          item.task().stepId(),
          item.task().runId(),
          item.task().attempt());
    }
    return rec.local();
  }

  void record(DSLContext tx, List<Item> items, GroupResult out) {
    // Group by run, in id order: runs are locked in that order, here and on every other node, so
    // two groups never deadlock; other writers (start, resume, cancel) lock a single run.
    Map<String, List<Item>> byRun = new TreeMap<>();
    for (Item i : items) {
      byRun.computeIfAbsent(i.task().runId(), k -> new ArrayList<>()).add(i);
    }
    Map<String, RunRow> runs = repo.lockRuns(tx, byRun.keySet());
    // Read the clock under the locks, so a join never starts before a predecessor finished.
    Instant now = clock.instant();
    List<StepStore.Finish> finishes = new ArrayList<>();
    List<Item> finishing = new ArrayList<>();
    for (Map.Entry<String, List<Item>> e : byRun.entrySet()) {
      RunRow run = runs.get(e.getKey());
      for (Item i : e.getValue()) {
        if (run == null) {
          out.byItem.put(i, Recorded.LOST); // deleted by retention while the step ran
          continue;
        }
        // A step that suspends in a run that has finished meanwhile can never be resumed.
        Outcome o =
            run.status().isTerminal() && i.outcome() instanceof Outcome.Suspended
                ? new Outcome.Abandoned()
                : i.outcome();
        finishes.add(finish(i.task(), o));
        finishing.add(i);
      }
    }
    int[] counts = StepStore.finishSteps(tx, finishes, config.nodeId(), now);
    Map<String, List<Item>> recorded = new LinkedHashMap<>();
    for (int k = 0; k < counts.length; k++) {
      Item i = finishing.get(k);
      if (counts[k] == 0) {
        out.byItem.put(i, Recorded.LOST);
      } else {
        recorded.computeIfAbsent(i.task().runId(), id -> new ArrayList<>()).add(i);
        if (i.outcome() instanceof Outcome.Failed f) {
          StepErrorRows.record(
              tx, i.task().runId(), i.task().stepId(), i.task().attempt(), f.error(), now);
        }
      }
    }
    List<String> advancing = new ArrayList<>();
    for (Map.Entry<String, List<Item>> e : recorded.entrySet()) {
      RunRow run = runs.get(e.getKey());
      if (run.status().isTerminal()) {
        continue; // cancelled or failed meanwhile: the steps are recorded, nothing new starts
      }
      // Elements of a fan-out start the next element, or finish (or fail) their step.
      FanOut.GroupEffect fan = FanOut.itemsFinished(tx, run, e.getValue(), this::graph, limit, now);
      out.queued |= fan.queued();
      Item failed =
          e.getValue().stream()
              .filter(i -> i.outcome() instanceof Outcome.Failed && !Ids.isItem(i.task().stepId()))
              .findFirst()
              .orElse(null);
      if (failed != null) {
        repo.failRun(
            tx, run.id(), failed.task().stepId(), ((Outcome.Failed) failed.outcome()).error(), now);
        StepStore.cancelOpenSteps(tx, run.id(), now);
        out.settledRuns.add(run.id());
        out.finished.add(new FinishedRun(run, Status.FAILED, now));
      } else if (fan.failedStep() != null) {
        repo.failRun(tx, run.id(), fan.failedStep(), fan.error(), now);
        StepStore.cancelOpenSteps(tx, run.id(), now);
        out.settledRuns.add(run.id());
        out.finished.add(new FinishedRun(run, Status.FAILED, now));
      } else if (fan.advance()) {
        advancing.add(run.id());
      }
    }
    if (advancing.isEmpty()) {
      return;
    }
    Map<String, List<StepRow>> steps = StepStore.steps(tx, advancing);
    List<NewStep> rows = new ArrayList<>();
    Map<String, Status> statusChanges = new LinkedHashMap<>();
    for (String runId : advancing) {
      advance(
          tx,
          runs.get(runId),
          steps.getOrDefault(runId, List.of()),
          recorded.get(runId),
          now,
          rows,
          statusChanges,
          out);
    }
    StepStore.insertSteps(tx, rows, now);
    repo.setRunStatuses(tx, statusChanges, now);
  }

  private static StepStore.Finish finish(Task task, Outcome outcome) {
    if (outcome instanceof Outcome.Succeeded s) {
      return new StepStore.Finish(task, Status.SUCCEEDED, s.outputJson(), null, null);
    } else if (outcome instanceof Outcome.Skipped) {
      return new StepStore.Finish(task, Status.SKIPPED, null, null, null);
    } else if (outcome instanceof Outcome.Suspended s) {
      return new StepStore.Finish(task, Status.SUSPENDED, null, null, s.reason());
    } else if (outcome instanceof Outcome.Failed f) {
      return new StepStore.Finish(task, Status.FAILED, null, f.error(), null);
    }
    return new StepStore.Finish(task, Status.CANCELLED, null, null, null);
  }

  /** Queues what became ready in {@code run}; its first recorded item runs the successors here. */
  private void advance(
      DSLContext tx,
      RunRow run,
      List<StepRow> stepRows,
      List<Item> items,
      Instant now,
      List<NewStep> rows,
      Map<String, Status> statusChanges,
      GroupResult out) {
    Item first = items.stream().min(Comparator.comparing(i -> i.task().stepId())).orElseThrow();
    // The graph the run is on: a previous version kept for it, else the current one.
    WorkflowGraph graph =
        registry
            .forRun(first.task().workflow(), run.graphVersion())
            .orElseThrow(() -> unknown(first.task().workflow()))
            .graph();
    Map<String, Status> statuses = new HashMap<>();
    Map<String, String> outputs = new HashMap<>();
    for (StepRow s : stepRows) {
      statuses.put(s.stepId(), s.status());
      if (s.status() == Status.SUCCEEDED) {
        outputs.put(s.stepId(), s.output());
      }
    }
    // Fan-out steps leave p.ready(): they start as element rows instead (FanOut).
    FanOutPlan plan = FanOutPlan.of(graph, statuses, outputs);
    GraphProgress.Result p = plan.progress();
    Instant timerDue = timers.insertWaiting(tx, run, graph, p.waiting(), now);
    if (timerDue != null) {
      // Waking before the commit is harmless: the timer thread only reads, and sleeps again.
      wakeups.timerAt(timerDue);
    }
    // A step that waits for a queue is never leased here: only its queue's claim may start it.
    List<String> free = new ArrayList<>();
    for (String stepId : p.ready()) {
      String queue = graph.step(stepId).orElseThrow().queueName();
      if (queue == null) {
        free.add(stepId);
      } else {
        rows.add(NewStep.pending(run.id(), stepId, run.workflow(), queue));
        out.queued = true;
      }
    }
    // The first item's own permit passes to the first successor (a plain step, else a fan-out's
    // first element); take more for the others.
    int elements = FanOut.leasable(graph, plan);
    int local = 0;
    int localElements = 0;
    if (free.size() + elements > 0 && pool.accepting()) {
      int extra = pool.tryAcquire(free.size() + elements - 1);
      out.extraPermits += extra;
      local = Math.min(free.size(), 1 + extra);
      localElements = 1 + extra - local;
    }
    FanOut.Inserted fan =
        FanOut.insert(
            tx,
            run,
            graph,
            plan,
            outputs,
            localElements == 0
                ? null
                : new FanOutRows.ElementLeases(localElements, config.nodeId(), config.lease()),
            now);
    out.queued |= fan.queued();
    List<Task> tasks = new ArrayList<>();
    Snapshot snapshot = new Snapshot(run.graphVersion(), p.runStatus(), run.input(), outputs);
    // The other items' threads are free once this commits (and the first item's, if it has no
    // successor): each takes one step of the run that is ready and has no thread, one of these
    // successors or a PENDING row of the run, instead of leaving it to a claim.
    Deque<Item> idle = idleItems(items, first, local + localElements == 0);
    Map<Item, Task> adopted = new HashMap<>();
    int pendingLeft = 0;
    for (int i = 0; i < free.size(); i++) {
      String stepId = free.get(i);
      if (i < local || !idle.isEmpty()) {
        rows.add(
            NewStep.leased(run.id(), stepId, run.workflow(), config.nodeId(), now, config.lease()));
        Task task = new Task(run.id(), stepId, run.workflow(), 1, 1L, null, snapshot);
        if (i < local) {
          tasks.add(task);
        } else {
          adopted.put(idle.poll(), task);
        }
      } else {
        rows.add(NewStep.pending(run.id(), stepId, run.workflow(), null));
        pendingLeft++;
      }
    }
    for (FanOut.Leased e : fan.leased()) {
      tasks.add(new Task(run.id(), e.rowId(), run.workflow(), 1, 1L, null, e.item(), snapshot));
    }
    adoptPendingRows(tx, run, graph, stepRows, idle, adopted, snapshot, now);
    for (String stepId : p.skipped()) {
      rows.add(
          NewStep.skipped(
              run.id(),
              stepId,
              run.workflow(),
              now,
              graph.step(stepId).map(StepSpec::queueName).orElse(null)));
    }
    for (Item i : items) {
      Task mine = adopted.get(i);
      out.byItem.put(
          i,
          i == first && mine == null
              ? new Recorded(false, tasks)
              : mine == null ? Recorded.QUIET : new Recorded(false, List.of(mine)));
    }
    if (p.runStatus() != run.status()) {
      statusChanges.put(run.id(), p.runStatus());
      if (p.runStatus().isTerminal()
          || p.runStatus() == Status.SUSPENDED
          || p.runStatus() == Status.WAITING) {
        // Waiters wait for a settled run: waking them for RUNNING would only cost them a read.
        out.settledRuns.add(run.id());
      }
      if (p.runStatus().isTerminal()) {
        out.finished.add(new FinishedRun(run, p.runStatus(), now));
      }
      if (p.runStatus() == Status.SUCCEEDED) {
        RunStatus status = succeededStatus(graph, run, first, stepRows, p.skipped());
        if (status != null) {
          out.succeeded.put(run.id(), status);
        }
      }
    }
    out.queued |= pendingLeft > 0;
  }

  /**
   * The items whose threads have nothing to run after this commit, in step id order: every item but
   * the first, and the first too if it runs no successor. None while the node shuts down.
   */
  private Deque<Item> idleItems(List<Item> items, Item first, boolean firstIdle) {
    Deque<Item> idle = new ArrayDeque<>();
    if (!pool.accepting()) {
      return idle;
    }
    items.stream()
        .filter(i -> i != first || firstIdle)
        .sorted(Comparator.comparing(i -> i.task().stepId()))
        .forEach(idle::add);
    return idle;
  }

  /**
   * Leases PENDING steps of {@code run} (ready earlier, left to a claim for want of a free worker)
   * to the {@code idle} items' threads, one each, while both last. Elements and steps that wait for
   * a queue are left to their claims.
   */
  private void adoptPendingRows(
      DSLContext tx,
      RunRow run,
      WorkflowGraph graph,
      List<StepRow> stepRows,
      Deque<Item> idle,
      Map<Item, Task> adopted,
      Snapshot snapshot,
      Instant now) {
    for (StepRow s : stepRows) {
      if (idle.isEmpty()) {
        return;
      }
      Optional<StepSpec> spec = graph.step(s.stepId());
      if (s.status() != Status.PENDING
          || Ids.isItem(s.stepId())
          || spec.isEmpty()
          || spec.get().queueName() != null) {
        continue;
      }
      StepStore.adoptPending(tx, run.id(), s.stepId(), config.nodeId(), now, config.lease())
          .ifPresent(
              a ->
                  adopted.put(
                      idle.poll(),
                      new Task(
                          run.id(),
                          s.stepId(),
                          run.workflow(),
                          a.attempt(),
                          a.version(),
                          a.resumePayload(),
                          snapshot)));
    }
  }

  /**
   * The status a re-read would return once this transaction commits a SUCCEEDED run: the step rows
   * were read inside it after its own updates, plus the SKIPPED rows it inserts; the run's update
   * time is the recorded step's finish time as the database stored it. Null if that is not known.
   */
  private static RunStatus succeededStatus(
      WorkflowGraph graph, RunRow run, Item first, List<StepRow> stepRows, List<String> skipped) {
    Instant finished = null;
    for (StepRow s : stepRows) {
      if (s.stepId().equals(first.task().stepId())) {
        finished = s.finishedAt();
      }
    }
    if (finished == null) {
      return null;
    }
    List<StepRow> rows = new ArrayList<>(stepRows);
    for (String stepId : skipped) {
      rows.add(
          new StepRow(run.id(), stepId, Status.SKIPPED, 0, null, null, null, null, null, finished));
    }
    RunRow settled = run.succeededAt(finished);
    return RunStatuses.of(graph, settled, rows);
  }

  private WorkflowGraph graph(String workflow) {
    return registry.find(workflow).orElseThrow(() -> unknown(workflow)).graph();
  }

  static IllegalStateException unknown(String workflow) {
    // The claim only takes steps of registered workflows, so this is a bug.
    return new IllegalStateException("workflow \"" + workflow + "\" is not registered");
  }
}

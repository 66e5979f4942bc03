package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.commit.CommitQueue.Pending;
import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Registry;
import dev.stepwise.runtime.internal.model.Rows.NewStep;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.Snapshot;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.progress.GraphProgress;
import dev.stepwise.runtime.internal.progress.RunStatuses;
import dev.stepwise.runtime.internal.store.RunRepository;
import dev.stepwise.runtime.internal.store.TaskQueue;
import dev.stepwise.runtime.internal.store.TimerRows;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records steps' outcomes and queues what became ready, in ONE transaction per group: the fenced
 * step updates, the run locks, the graph progress, the successor rows and the run statuses commit
 * together. Workers that finish at the same moment share that transaction ({@link CommitQueue}),
 * and its statements work on the whole group at once, so under load a step costs a fraction of a
 * commit and of a round trip. Successors this node has room for are inserted already leased to it
 * and returned, so there is no claim between steps.
 */
public final class Completion {
  private static final Logger log = LoggerFactory.getLogger(Completion.class);

  /** Enough to cover every worker of a node; bounds the statements of one transaction. */
  private static final int MAX_GROUP = 64;

  private final RunRepository repo;
  private final TaskQueue queue;
  private final Registry registry;
  private final Permits pool;
  private final RunChanges waiters;
  private final Wakeups wakeups;
  private final EngineConfig config;
  private final Clock clock;
  private final ChainCompletion chain;
  private final CommitQueue<Item, List<Task>> commits =
      new CommitQueue<>(MAX_GROUP, this::commitGroup);
  private final TimerRows timers;

  public Completion(
      RunRepository repo,
      TaskQueue queue,
      Registry registry,
      Permits pool,
      RunChanges waiters,
      Wakeups wakeups,
      EngineConfig config,
      Clock clock,
      ChainCompletion chain,
      TimerRows timers) {
    this.repo = repo;
    this.queue = queue;
    this.registry = registry;
    this.pool = pool;
    this.waiters = waiters;
    this.wakeups = wakeups;
    this.config = config;
    this.clock = clock;
    this.chain = chain;
    this.timers = timers;
  }

  /** A step's outcome to record. */
  record Item(Task task, Outcome outcome) {}

  /** What the transaction did for one item. */
  private record Recorded(boolean leaseLost, List<Task> local) {
    static final Recorded LOST = new Recorded(true, List.of());
    static final Recorded QUIET = new Recorded(false, List.of());
  }

  /** What the transaction did for a group. */
  private static final class GroupResult {
    final Map<Item, Recorded> byItem = new HashMap<>();
    final List<String> settledRuns = new ArrayList<>();
    // The final status of runs this group finished successfully, handed to their waiters.
    final Map<String, RunStatus> succeeded = new HashMap<>();
    boolean queued;
    int extraPermits;
  }

  /**
   * Records {@code outcome} for {@code task}, which the calling worker holds one permit for.
   * Returns the successors to execute on this node; the first inherits the caller's permit, each
   * other one has a permit of its own.
   */
  public List<Task> record(Task task, Outcome outcome) {
    if (outcome instanceof Outcome.Recorded done) {
      return done.successors(); // a transactional step, committed with its writes
    }
    if (outcome instanceof Outcome.Retry retry) {
      scheduleRetry(task, retry);
      return List.of();
    }
    if (outcome instanceof Outcome.AwaitEvent wait) {
      awaitEvent(task, wait);
      return List.of();
    }
    if (outcome instanceof Outcome.Repeat repeat) {
      if (LoopProgress.repeat(repo, task, config.nodeId(), repeat, clock.instant())) {
        wakeups.workQueued();
        waiters.touched(task.runId());
      }
      return List.of();
    }
    if (outcome instanceof Outcome.Succeeded succeeded) {
      // A step of a chain is recorded without the run's other steps, in a transaction of its own.
      Optional<List<Task>> recorded = chain.record(task, succeeded);
      if (recorded.isPresent()) {
        return recorded.get();
      }
    }
    return commits.submit(new Item(task, outcome));
  }

  /** Parks a step for its event (or child run), or re-queues it if that arrived meanwhile. */
  private void awaitEvent(Task task, Outcome.AwaitEvent wait) {
    WorkflowGraph graph =
        registry.find(task.workflow()).orElseThrow(() -> unknown(task.workflow())).graph();
    EventInbox.Parked parked =
        EventInbox.park(repo, graph, task, config.nodeId(), wait, clock.instant());
    if (parked.queued()) {
      wakeups.workQueued();
    }
    if (parked.runChanged()) {
      waiters.changed(task.runId());
    } else {
      waiters.touched(task.runId());
    }
    if (parked.deadline() != null) {
      wakeups.timerAt(parked.deadline());
    }
  }

  /** Thrown inside the transaction to roll back a transactional step's writes. */
  private static final class LeaseLost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LeaseLost() {
      super(null, null, false, false);
    }
  }

  /**
   * Runs a transactional step's {@code body} and records its output in ONE transaction of its own
   * (not grouped): the step's writes, its result and the successors it makes ready commit together.
   * A lost lease rolls the step's writes back. Exceptions of the body propagate, after the
   * rollback.
   */
  public Outcome recordTransactional(Task task, Function<DSLContext, String> body) {
    GroupResult[] attempt = {null};
    GroupResult r;
    Item[] item = {null};
    try {
      r =
          repo.inTransaction(
              tx -> {
                if (attempt[0] != null) {
                  pool.releaseQuietly(attempt[0].extraPermits);
                }
                attempt[0] = new GroupResult();
                item[0] = new Item(task, new Outcome.Succeeded(body.apply(tx)));
                recordInTx(tx, List.of(item[0]), attempt[0]);
                if (attempt[0].byItem.getOrDefault(item[0], Recorded.QUIET).leaseLost()) {
                  throw new LeaseLost();
                }
                return attempt[0];
              });
    } catch (LeaseLost e) {
      pool.releaseQuietly(attempt[0].extraPermits);
      log.warn(
          "Lost the lease of transactional step {} of run {}; its writes were rolled back",
          task.stepId(),
          task.runId());
      return new Outcome.Recorded(List.of());
    } catch (RuntimeException e) {
      if (attempt[0] != null) {
        pool.releaseQuietly(attempt[0].extraPermits);
      }
      throw e;
    }
    afterCommit(r);
    return new Outcome.Recorded(resultFor(r, item[0]));
  }

  private void commitGroup(List<Pending<Item, List<Task>>> group) {
    List<Item> items = group.stream().map(p -> p.item).toList();
    GroupResult r;
    try {
      r = inTransaction(items);
    } catch (RuntimeException e) {
      if (group.size() == 1) {
        throw e;
      }
      // One item may be what failed (say, a workflow no longer registered): commit each alone,
      // so only that one is left to its lease expiry.
      log.debug("A group of {} completions failed; committing them one by one", group.size(), e);
      for (Pending<Item, List<Task>> p : group) {
        try {
          GroupResult one = inTransaction(List.of(p.item));
          afterCommit(one);
          p.result.complete(resultFor(one, p.item));
        } catch (RuntimeException each) {
          p.result.completeExceptionally(each);
        }
      }
      return;
    }
    afterCommit(r);
    for (Pending<Item, List<Task>> p : group) {
      p.result.complete(resultFor(r, p.item));
    }
  }

  private GroupResult inTransaction(List<Item> items) {
    GroupResult[] attempt = {null};
    try {
      return repo.inTransaction(
          tx -> {
            // A retried transaction starts afresh: give back what a failed attempt took.
            if (attempt[0] != null) {
              pool.releaseQuietly(attempt[0].extraPermits);
            }
            attempt[0] = new GroupResult();
            recordInTx(tx, items, attempt[0]);
            return attempt[0];
          });
    } catch (RuntimeException e) {
      if (attempt[0] != null) {
        pool.releaseQuietly(attempt[0].extraPermits);
      }
      throw e;
    }
  }

  private void afterCommit(GroupResult r) {
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

  private List<Task> resultFor(GroupResult r, Item item) {
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
    wakeups.retryAt(retry.notBefore());
    waiters.touched(task.runId()); // a watch sees the retry scheduled
  }

  private void recordInTx(DSLContext tx, List<Item> items, GroupResult out) {
    // Group by run, in id order: runs are locked in that order, here and on every other node, so
    // two groups never deadlock; other writers (start, resume, cancel) lock a single run.
    Map<String, List<Item>> byRun = new TreeMap<>();
    for (Item i : items) {
      byRun.computeIfAbsent(i.task().runId(), k -> new ArrayList<>()).add(i);
    }
    Map<String, RunRow> runs = repo.lockRuns(tx, byRun.keySet());
    // Read the clock under the locks, so a join never starts before a predecessor finished.
    Instant now = clock.instant();
    List<RunRepository.Finish> finishes = new ArrayList<>();
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
    int[] counts = repo.finishSteps(tx, finishes, config.nodeId(), now);
    Map<String, List<Item>> recorded = new LinkedHashMap<>();
    for (int k = 0; k < counts.length; k++) {
      Item i = finishing.get(k);
      if (counts[k] == 0) {
        out.byItem.put(i, Recorded.LOST);
      } else {
        recorded.computeIfAbsent(i.task().runId(), id -> new ArrayList<>()).add(i);
      }
    }
    List<String> advancing = new ArrayList<>();
    for (Map.Entry<String, List<Item>> e : recorded.entrySet()) {
      RunRow run = runs.get(e.getKey());
      if (run.status().isTerminal()) {
        continue; // cancelled or failed meanwhile: the steps are recorded, nothing new starts
      }
      // Elements of a fan-out start the next element, or finish (or fail) their step.
      FanOut.GroupEffect fan = FanOut.itemsFinished(tx, repo, run, e.getValue(), this::graph, now);
      out.queued |= fan.queued();
      Item failed =
          e.getValue().stream()
              .filter(i -> i.outcome() instanceof Outcome.Failed && !Ids.isItem(i.task().stepId()))
              .findFirst()
              .orElse(null);
      if (failed != null) {
        repo.failRun(
            tx, run.id(), failed.task().stepId(), ((Outcome.Failed) failed.outcome()).error(), now);
        repo.cancelOpenSteps(tx, run.id(), now);
        out.settledRuns.add(run.id());
      } else if (fan.failedStep() != null) {
        repo.failRun(tx, run.id(), fan.failedStep(), fan.error(), now);
        repo.cancelOpenSteps(tx, run.id(), now);
        out.settledRuns.add(run.id());
      } else if (fan.advance()) {
        advancing.add(run.id());
      }
    }
    if (advancing.isEmpty()) {
      return;
    }
    Map<String, List<StepRow>> steps = repo.steps(tx, advancing);
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
    repo.insertSteps(tx, rows, now);
    repo.setRunStatuses(tx, statusChanges, now);
  }

  private static RunRepository.Finish finish(Task task, Outcome outcome) {
    if (outcome instanceof Outcome.Succeeded s) {
      return new RunRepository.Finish(task, Status.SUCCEEDED, s.outputJson(), null, null);
    } else if (outcome instanceof Outcome.Skipped) {
      return new RunRepository.Finish(task, Status.SKIPPED, null, null, null);
    } else if (outcome instanceof Outcome.Suspended s) {
      return new RunRepository.Finish(task, Status.SUSPENDED, null, null, s.reason());
    } else if (outcome instanceof Outcome.Failed f) {
      return new RunRepository.Finish(task, Status.FAILED, null, f.error(), null);
    }
    return new RunRepository.Finish(task, Status.CANCELLED, null, null, null);
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
    WorkflowGraph graph =
        registry
            .find(first.task().workflow())
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
    FanOut.Plan plan = FanOut.plan(graph, statuses, outputs);
    GraphProgress.Result p = plan.progress();
    Instant timerDue = timers.insertWaiting(tx, run, graph, p.waiting(), now);
    if (timerDue != null) {
      // Waking before the commit is harmless: the timer thread only reads, and sleeps again.
      wakeups.timerAt(timerDue);
    }
    out.queued |= FanOut.insert(tx, run, graph, plan, now);
    int local = 0;
    if (!p.ready().isEmpty() && pool.accepting()) {
      // The first item's own permit passes to the first successor; take more for the others.
      int extra = pool.tryAcquire(p.ready().size() - 1);
      out.extraPermits += extra;
      local = 1 + extra;
    }
    List<Task> tasks = new ArrayList<>();
    Snapshot snapshot = new Snapshot(run.graphVersion(), p.runStatus(), run.input(), outputs);
    for (int i = 0; i < p.ready().size(); i++) {
      String stepId = p.ready().get(i);
      if (i < local) {
        rows.add(leasedStep(run, stepId, now));
        tasks.add(new Task(run.id(), stepId, run.workflow(), 1, 1L, null, snapshot));
      } else {
        rows.add(NewStep.pending(run.id(), stepId, run.workflow()));
      }
    }
    for (String stepId : p.skipped()) {
      rows.add(
          new NewStep(
              run.id(), stepId, run.workflow(), Status.SKIPPED, 0, null, null, null, now, 0L));
    }
    for (Item i : items) {
      out.byItem.put(i, i == first ? new Recorded(false, tasks) : Recorded.QUIET);
    }
    if (p.runStatus() != run.status()) {
      statusChanges.put(run.id(), p.runStatus());
      if (p.runStatus().isTerminal()
          || p.runStatus() == Status.SUSPENDED
          || p.runStatus() == Status.WAITING) {
        // Waiters wait for a settled run: waking them for RUNNING would only cost them a read.
        out.settledRuns.add(run.id());
      }
      if (p.runStatus() == Status.SUCCEEDED) {
        RunStatus status = succeededStatus(graph, run, first, stepRows, p.skipped());
        if (status != null) {
          out.succeeded.put(run.id(), status);
        }
      }
    }
    out.queued |= local < p.ready().size();
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

  /** A successor inserted already claimed by this node: attempt 1, version 1, leased. */
  NewStep leasedStep(RunRow run, String stepId, Instant now) {
    return NewStep.leased(run.id(), stepId, run.workflow(), config.nodeId(), now, config.lease());
  }

  private WorkflowGraph graph(String workflow) {
    return registry.find(workflow).orElseThrow(() -> unknown(workflow)).graph();
  }

  private static IllegalStateException unknown(String workflow) {
    // The claim only takes steps of registered workflows, so this is a bug.
    return new IllegalStateException("workflow \"" + workflow + "\" is not registered");
  }
}

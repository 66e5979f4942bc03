package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.internal.commit.OutcomeWrites.Item;
import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Registry;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.TaskQueue;
import dev.stepwise.runtime.internal.store.TimerRows;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a worker hands a step's outcome: routes it to the commit that records it. A retry is one
 * fenced update; an event wait parks the step; a loop's next iteration is a transaction of its own;
 * a succeeded step of a chain takes the one-statement path ({@link ChainCompletion}); every other
 * outcome joins the group commit ({@link GroupCommit}); a transactional step commits with its own
 * writes ({@link TransactionalCommit}).
 */
public final class Completion {
  private static final Logger log = LoggerFactory.getLogger(Completion.class);

  private final RunStore repo;
  private final TaskQueue queue;
  private final Registry registry;
  private final RunChanges waiters;
  private final Wakeups wakeups;
  private final EngineConfig config;
  private final Clock clock;
  private final ChainCompletion chain;
  private final GroupCommit group;
  private final TransactionalCommit transactional;

  public Completion(
      RunStore repo,
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
    this.waiters = waiters;
    this.wakeups = wakeups;
    this.config = config;
    this.clock = clock;
    this.chain = chain;
    OutcomeWrites writes =
        new OutcomeWrites(repo, registry, pool, waiters, wakeups, config, clock, timers);
    this.group = new GroupCommit(repo, writes);
    this.transactional = new TransactionalCommit(repo, writes);
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
    return group.submit(new Item(task, outcome));
  }

  /** Parks a step for its event (or child run), or re-queues it if that arrived meanwhile. */
  private void awaitEvent(Task task, Outcome.AwaitEvent wait) {
    WorkflowGraph graph =
        registry
            .forRun(task.workflow(), task.snapshot().graphVersion())
            .orElseThrow(() -> OutcomeWrites.unknown(task.workflow()))
            .graph();
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

  /**
   * Runs a transactional step's {@code body} and records its output in ONE transaction of its own;
   * see {@link TransactionalCommit}.
   */
  public Outcome recordTransactional(Task task, Function<DSLContext, String> body) {
    return transactional.record(task, body);
  }

  private void scheduleRetry(Task task, Outcome.Retry retry) {
    if (queue.retryStep(task, config.nodeId(), retry.error(), retry.notBefore(), clock.instant())
        == 0) {
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
}

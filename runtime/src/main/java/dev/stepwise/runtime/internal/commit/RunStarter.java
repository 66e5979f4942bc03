package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.internal.json.JsonCodec;
import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.PayloadLimit;
import dev.stepwise.runtime.internal.model.Rows.NewStep;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.Snapshot;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.store.DatabaseFailures;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.StartGuards;
import dev.stepwise.runtime.internal.store.StepStore;
import dev.stepwise.runtime.internal.store.dialect.ChainWrites;
import dev.stepwise.runtime.spi.FlowControl;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Boundary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jooq.exception.DataAccessException;

/**
 * Starts runs: the run row and its root steps in one transaction, so no half-written run exists. A
 * run id or idempotency key that exists already returns that run; a concurrent duplicate loses on
 * the database's unique constraint and returns the winner's run.
 */
public final class RunStarter {
  private final RunStore repo;
  private final ChainWrites writes;
  private final JsonCodec codec;
  private final Permits pool;
  private final Wakeups wakeups;
  private final BooleanSupplier nodeRunning;
  private final EngineConfig config;
  private final PayloadLimit limit;
  private final Clock clock;

  public RunStarter(
      RunStore repo,
      ChainWrites writes,
      JsonCodec codec,
      Permits pool,
      Wakeups wakeups,
      BooleanSupplier nodeRunning,
      EngineConfig config,
      Clock clock) {
    this.repo = repo;
    this.writes = writes;
    this.codec = codec;
    this.pool = pool;
    this.wakeups = wakeups;
    this.nodeRunning = nodeRunning;
    this.config = config;
    this.limit = config.payloadLimit();
    this.clock = clock;
  }

  /**
   * A stored run and the root steps leased to this node, not yet handed to a thread; {@code
   * created} is false for an existing run returned instead.
   */
  public record Started(String runId, List<Task> local, boolean created) {}

  /**
   * Stores the run, its roots this node has room for leased to it and the others queued; an
   * existing run with the options' id or idempotency key is returned instead, with nothing leased,
   * and so is the active run of its deduplication id and the pending run of its debounce key (whose
   * input the start replaces).
   *
   * @param context what observers store with a new run ({@code RunContexts}), or null
   */
  public Started store(
      WorkflowDefinition definition,
      Object input,
      StartOptions options,
      boolean callerRunsFirst,
      String context) {
    WorkflowGraph graph = definition.graph();
    Optional<String> existing = existing(graph.name(), options);
    if (existing.isPresent()) {
      return new Started(existing.get(), List.of(), false);
    }
    String runId = options.runId() != null ? options.runId() : UUID.randomUUID().toString();
    // Refused before the transaction: an input too large to store leaves no trace.
    String json = limit.check(codec.write(input), Boundary.input().describe(graph.name()));
    FlowControl flow = definition.flowControl();
    String key = flow.concurrencyKeyPath() == null ? null : definition.concurrencyKey(input);
    NewRun plan = new NewRun(graph, runId, json, key, options, flow.limitsRuns(), context);
    try {
      return plan.isPlain() ? storePlain(plan, callerRunsFirst) : storeGuarded(plan);
    } catch (DataAccessException e) {
      if (DatabaseFailures.isTransient(e)) {
        throw e; // the database is down: no run to look for
      }
      // A concurrent start with the same id, key or deduplication id won the unique constraint:
      // return its run. A debounce key's concurrent first starts: the loser replaces the winner's.
      Optional<String> winner = existing(graph.name(), options);
      if (winner.isPresent()) {
        return new Started(winner.get(), List.of(), false);
      }
      if (options.debounceKey() != null) {
        return storeGuarded(plan);
      }
      throw e;
    }
  }

  /** What a start stores, before it is stored. */
  private record NewRun(
      WorkflowGraph graph,
      String runId,
      String json,
      String concurrencyKey,
      StartOptions options,
      boolean waitsForSlot,
      String context) {

    /** No key, priority, guard or slot: the run and its roots, in one statement if one root. */
    boolean isPlain() {
      return concurrencyKey == null
          && options.priority() == 0
          && options.deduplicationId() == null
          && options.debounceKey() == null
          && !waitsForSlot;
    }

    List<StepSpec> roots() {
      return graph.steps().stream().filter(StepSpec::isRoot).toList();
    }

    RunRow row(Status status, Instant now) {
      return new RunRow(
          runId,
          graph.name(),
          graph.version(),
          status,
          json,
          options.idempotencyKey(),
          null,
          null,
          now,
          now,
          null);
    }
  }

  private Started storePlain(NewRun plan, boolean callerRunsFirst) {
    Instant now = clock.instant();
    List<StepSpec> roots = plan.roots();
    long free = roots.stream().filter(r -> r.queueName() == null).count();
    // Roots this node has room for are inserted leased to it and run without a claim; the first
    // one of a synchronous start needs no room, the caller's thread runs it. A root that waits for
    // a queue is never leased here: only its queue's claim may start it.
    int callers = callerRunsFirst && free > 0 && nodeRunning.getAsBoolean() ? 1 : 0;
    int permits = nodeRunning.getAsBoolean() ? pool.tryAcquire((int) free - callers) : 0;
    int local = callers + permits;
    // A run whose roots all start here is RUNNING from its first commit, as its first completion
    // would set it: that completion then has no run status to update.
    Status status = local > 0 && local == roots.size() ? Status.RUNNING : Status.PENDING;
    RunRow run = plan.row(status, now);
    List<NewStep> rows = new ArrayList<>();
    List<Task> tasks = new ArrayList<>();
    Snapshot snapshot = new Snapshot(plan.graph().version(), status, plan.json(), Map.of());
    String workflow = plan.graph().name();
    for (StepSpec root : roots) {
      if (root.queueName() == null && tasks.size() < local) {
        rows.add(
            NewStep.leased(run.id(), root.id(), workflow, config.nodeId(), now, config.lease()));
        tasks.add(new Task(run.id(), root.id(), workflow, 1, 1L, null, snapshot));
      } else {
        rows.add(NewStep.pending(run.id(), root.id(), workflow, root.queueName()));
      }
    }
    try {
      if (rows.size() == 1 && plan.context() == null) {
        writes.start(run, rows.get(0), now); // one statement on PostgreSQL
      } else {
        repo.inTransaction(
            tx -> {
              repo.insertRun(tx, run, plan.context());
              StepStore.insertSteps(tx, rows, now);
              return null;
            });
      }
    } catch (DataAccessException e) {
      pool.releaseQuietly(permits);
      throw e;
    }
    if (local < roots.size()) {
      wakeups.workQueued();
    }
    return new Started(run.id(), List.copyOf(tasks), true);
  }

  /**
   * A run with a concurrency key, a priority, a deduplication id, a debounce key or a slot to wait
   * for: stored in one transaction with those, its roots left for the claims (nothing is leased
   * here, so that the limits are counted by the claims alone).
   */
  private Started storeGuarded(NewRun plan) {
    Instant now = clock.instant();
    StartOptions options = plan.options();
    String workflow = plan.graph().name();
    Instant notBefore = options.debounceWindow() == null ? now : now.plus(options.debounceWindow());
    String runId =
        repo.inTransaction(
            tx -> {
              if (options.debounceKey() != null) {
                Optional<String> pending =
                    StartGuards.debounce(
                        tx,
                        workflow,
                        options.debounceKey(),
                        plan.json(),
                        notBefore,
                        options.debounceMaxWait(),
                        now);
                if (pending.isPresent()) {
                  return pending.get();
                }
              }
              if (options.deduplicationId() != null) {
                Optional<String> active =
                    StartGuards.dedup(tx, workflow, options.deduplicationId(), plan.runId());
                if (active.isPresent()) {
                  return active.get();
                }
              }
              Status status = plan.waitsForSlot() ? Status.QUEUED : Status.PENDING;
              repo.insertRun(tx, plan.row(status, now), plan.context());
              StartGuards.flow(tx, plan.runId(), plan.concurrencyKey(), options.priority());
              List<NewStep> rows = new ArrayList<>();
              for (StepSpec root : plan.roots()) {
                rows.add(
                    plan.waitsForSlot()
                        ? NewStep.queued(plan.runId(), root.id(), workflow, root.queueName())
                        : NewStep.pending(plan.runId(), root.id(), workflow, root.queueName()));
              }
              StepStore.insertSteps(tx, rows, now);
              if (options.debounceKey() != null) {
                StartGuards.debounced(tx, workflow, options.debounceKey(), plan.runId(), notBefore);
              }
              return plan.runId();
            });
    if (notBefore.isAfter(now)) {
      wakeups.retryAt(notBefore);
    } else {
      wakeups.workQueued();
    }
    // A debounced or deduplicated start returns the pending or active run it found.
    return new Started(runId, List.of(), runId.equals(plan.runId()));
  }

  private Optional<String> existing(String workflow, StartOptions options) {
    if (options.runId() != null) {
      Optional<RunRow> run = repo.findRun(options.runId());
      if (run.isPresent()) {
        if (!run.get().workflow().equals(workflow)) {
          throw new StepwiseException(
              "Run id "
                  + options.runId()
                  + " is taken by a run of workflow \""
                  + run.get().workflow()
                  + "\"; cannot start workflow \""
                  + workflow
                  + "\" with it");
        }
        return Optional.of(run.get().id());
      }
    }
    if (options.idempotencyKey() != null) {
      Optional<String> byKey = repo.findRunIdByKey(workflow, options.idempotencyKey());
      if (byKey.isPresent()) {
        return byKey;
      }
    }
    if (options.deduplicationId() != null) {
      return StartGuards.activeDedup(repo.dsl(), workflow, options.deduplicationId());
    }
    return Optional.empty();
  }
}

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
import dev.stepwise.runtime.internal.store.StepStore;
import dev.stepwise.runtime.internal.store.dialect.ChainWrites;
import dev.stepwise.runtime.spi.StepSpec;
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

  /** A stored run and the root steps leased to this node, not yet handed to a thread. */
  public record Started(String runId, List<Task> local) {}

  /**
   * Stores the run, its roots this node has room for leased to it and the others queued; an
   * existing run with the options' id or idempotency key is returned instead, with nothing leased.
   */
  public Started store(
      WorkflowGraph graph, Object input, StartOptions options, boolean callerRunsFirst) {
    Optional<String> existing = existing(graph.name(), options);
    if (existing.isPresent()) {
      return new Started(existing.get(), List.of());
    }
    String runId = options.runId() != null ? options.runId() : UUID.randomUUID().toString();
    // Refused before the transaction: an input too large to store leaves no trace.
    String json = limit.check(codec.write(input), Boundary.input().describe(graph.name()));
    Instant now = clock.instant();
    List<String> roots = graph.steps().stream().filter(StepSpec::isRoot).map(StepSpec::id).toList();
    // Roots this node has room for are inserted leased to it and run without a claim; the first
    // one of a synchronous start needs no room, the caller's thread runs it.
    int callers = callerRunsFirst && nodeRunning.getAsBoolean() ? 1 : 0;
    int permits = nodeRunning.getAsBoolean() ? pool.tryAcquire(roots.size() - callers) : 0;
    int local = callers + permits;
    // A run whose roots all start here is RUNNING from its first commit, as its first completion
    // would set it: that completion then has no run status to update.
    Status status = local > 0 && local == roots.size() ? Status.RUNNING : Status.PENDING;
    RunRow run =
        new RunRow(
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
    List<NewStep> rows = new ArrayList<>();
    List<Task> tasks = new ArrayList<>();
    Snapshot snapshot = new Snapshot(graph.version(), status, json, Map.of());
    for (int i = 0; i < roots.size(); i++) {
      if (i < local) {
        rows.add(
            NewStep.leased(
                runId, roots.get(i), graph.name(), config.nodeId(), now, config.lease()));
        tasks.add(new Task(runId, roots.get(i), graph.name(), 1, 1L, null, snapshot));
      } else {
        rows.add(NewStep.pending(runId, roots.get(i), graph.name()));
      }
    }
    try {
      if (rows.size() == 1) {
        writes.start(run, rows.get(0), now); // one statement on PostgreSQL
      } else {
        repo.inTransaction(
            tx -> {
              repo.insertRun(tx, run);
              StepStore.insertSteps(tx, rows, now);
              return null;
            });
      }
    } catch (DataAccessException e) {
      pool.releaseQuietly(permits);
      if (DatabaseFailures.isTransient(e)) {
        throw e; // the database is down: no run to look for
      }
      // A concurrent start with the same id or key won the unique constraint: return its run.
      return new Started(existing(graph.name(), options).orElseThrow(() -> e), List.of());
    }
    if (local < roots.size()) {
      wakeups.workQueued();
    }
    return new Started(runId, List.copyOf(tasks));
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
      return repo.findRunIdByKey(workflow, options.idempotencyKey());
    }
    return Optional.empty();
  }
}

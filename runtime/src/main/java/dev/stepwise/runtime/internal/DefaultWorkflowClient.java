package dev.stepwise.runtime.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stepwise.runtime.AttemptError;
import dev.stepwise.runtime.AwaitTimeoutException;
import dev.stepwise.runtime.ChildWorkflowException;
import dev.stepwise.runtime.ForkOptions;
import dev.stepwise.runtime.RunListener;
import dev.stepwise.runtime.RunNotFoundException;
import dev.stepwise.runtime.RunPage;
import dev.stepwise.runtime.RunQuery;
import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepContext;
import dev.stepwise.runtime.StepResult;
import dev.stepwise.runtime.StepStatus;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.ValidationException;
import dev.stepwise.runtime.Violation;
import dev.stepwise.runtime.Watch;
import dev.stepwise.runtime.internal.commit.ChildRuns;
import dev.stepwise.runtime.internal.commit.RunControl;
import dev.stepwise.runtime.internal.commit.RunFork;
import dev.stepwise.runtime.internal.commit.RunStarter;
import dev.stepwise.runtime.internal.exec.StepExecutor;
import dev.stepwise.runtime.internal.json.InvalidTextException;
import dev.stepwise.runtime.internal.json.JsonCodec;
import dev.stepwise.runtime.internal.json.JsonInputs;
import dev.stepwise.runtime.internal.model.ChildWaitSignal;
import dev.stepwise.runtime.internal.model.IdRules;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.PayloadLimit;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.observe.RunWaiters;
import dev.stepwise.runtime.internal.observe.Watchers;
import dev.stepwise.runtime.internal.progress.RunStatuses;
import dev.stepwise.runtime.internal.store.QueuePlaces;
import dev.stepwise.runtime.internal.store.RunQueries;
import dev.stepwise.runtime.internal.store.RunReads;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.StepErrorRows;
import dev.stepwise.runtime.internal.store.StepStore;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Boundary;
import dev.stepwise.runtime.spi.validation.Contract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

/** The engine's operations on one registered workflow, handed to the generated runner. */
final class DefaultWorkflowClient implements WorkflowClient {
  /** How often a waiter re-reads a run that another node may be advancing. */
  private static final Duration REREAD = Duration.ofSeconds(1);

  private final WorkflowDefinition definition;
  private final Engine engine;
  private final RunStore repo;
  private final JsonCodec codec;
  private final RunWaiters waiters;
  private final RunStarter starter;
  private final StepExecutor executor;
  private final RunControl control;
  private final Watchers watchers;
  private final JsonInputs jsonInputs;
  private final RunReads reads;
  private final DatabaseCalls db;
  private final PayloadLimit limit;
  private final QueuePlaces places;
  private final RunQueries queries;
  // Only a workflow whose steps or runs wait for slots pays for reading their places.
  private final boolean waitsForSlots;

  DefaultWorkflowClient(
      WorkflowDefinition definition,
      Engine engine,
      RunStore repo,
      JsonCodec codec,
      RunWaiters waiters,
      RunStarter starter,
      StepExecutor executor,
      RunControl control,
      Watchers watchers) {
    this.watchers = watchers;
    this.executor = executor;
    this.control = control;
    this.definition = definition;
    this.engine = engine;
    this.repo = repo;
    this.codec = codec;
    this.waiters = waiters;
    this.starter = starter;
    this.jsonInputs = new JsonInputs(codec);
    this.reads = new RunReads(repo.dsl());
    this.places = new QueuePlaces(repo.dsl());
    this.queries = new RunQueries(repo.dsl());
    this.waitsForSlots = !definition.queues().isEmpty() || definition.flowControl().limitsRuns();
    this.db = new DatabaseCalls(engine.config().databaseTimeout());
    this.limit = engine.config().payloadLimit();
  }

  @Override
  public WorkflowGraph graph() {
    return definition.graph();
  }

  private String name() {
    return definition.graph().name();
  }

  @Override
  public String start(Object input, StartOptions options) {
    return launch(input, checked(options));
  }

  /** Stores and launches a run whose options are checked (or made by the engine, as a child's). */
  private String launch(Object input, StartOptions options) {
    // Before anything is stored: an invalid input leaves no trace.
    definition.contract(Boundary.input()).ifPresent(c -> c.check(input, name()));
    RunStarter.Started started = store(input, options, false);
    executor.launch(started);
    return started.runId();
  }

  /**
   * The caller's options, defaults for null; a {@link ValidationException} listing every problem
   * when the run id or the idempotency key breaks its rule ({@link IdRules}), before anything is
   * read or stored.
   */
  private StartOptions checked(StartOptions options) {
    if (options == null) {
      return StartOptions.defaults();
    }
    List<Violation> violations = new ArrayList<>(2);
    if (options.runId() != null) {
      String problem = IdRules.runIdProblem(options.runId());
      if (problem != null) {
        violations.add(new Violation("$.runId", IdRules.quote(options.runId()) + " " + problem));
      }
    }
    if (options.idempotencyKey() != null) {
      String problem = IdRules.keyProblem(options.idempotencyKey());
      if (problem != null) {
        violations.add(
            new Violation(
                "$.idempotencyKey", IdRules.quote(options.idempotencyKey()) + " " + problem));
      }
    }
    guard(violations, "$.deduplicationId", options.deduplicationId(), "a deduplication id");
    guard(violations, "$.debounceKey", options.debounceKey(), "a debounce key");
    if (options.debounceKey() != null
        && (options.runId() != null || options.idempotencyKey() != null)) {
      violations.add(
          new Violation(
              "$.debounceKey",
              "cannot be combined with a run id or an idempotency key: a debounced start returns"
                  + " the pending run of its key, whose id another start chose"));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException("start options of workflow " + name(), violations);
    }
    return options;
  }

  private static void guard(List<Violation> violations, String path, String value, String what) {
    if (value != null) {
      String problem = IdRules.guardProblem(value, what);
      if (problem != null) {
        violations.add(new Violation(path, IdRules.quote(value) + " " + problem));
      }
    }
  }

  /**
   * Refuses a run id that no run can have ({@link IdRules#lookupProblem}) as not found, without a
   * read: the database is never asked about an id it could not store.
   */
  private void checkLookup(String runId) {
    Objects.requireNonNull(runId, "runId");
    String problem = IdRules.lookupProblem(runId);
    if (problem != null) {
      throw new RunNotFoundException(
          "No run " + IdRules.quote(runId) + " of workflow \"" + name() + "\": that id " + problem);
    }
  }

  @Override
  public RunStatus run(Object input, StartOptions options) {
    StartOptions checked = checked(options);
    definition.contract(Boundary.input()).ifPresent(c -> c.check(input, name()));
    RunStarter.Started started = store(input, checked, true);
    // Taken before the steps run, so the commit that finishes the run hands its status over here.
    CompletableFuture<RunStatus> change = waiters.next(started.runId());
    try {
      executor.runHere(started);
      RunStatus succeeded = change.getNow(null);
      if (succeeded != null && succeeded.workflow().equals(name())) {
        return succeeded;
      }
    } finally {
      waiters.forget(started.runId(), change);
    }
    // Not finished on this thread: suspended, waiting, or going on elsewhere.
    return awaitSettled(started.runId(), null);
  }

  private RunStarter.Started store(Object input, StartOptions options, boolean callerRunsFirst) {
    ObservedStart observed = ObservedStart.of(engine.observers(), name());
    String contextJson = observed.contextJson();
    RunStarter.Started started;
    try {
      started =
          db.call(
              "start a run of workflow \"" + name() + "\"",
              () ->
                  starter.store(
                      definition,
                      input,
                      options == null ? StartOptions.defaults() : options,
                      callerRunsFirst,
                      contextJson));
    } catch (InvalidTextException e) {
      // Thrown while the input is written, before its run is stored.
      throw observed.failed(e.refusal(Boundary.input().describe(name())));
    } catch (RuntimeException e) {
      throw observed.failed(e);
    }
    observed.stored(engine.attempts(), started.runId(), started.created());
    return started;
  }

  /** A payload's JSON; a ValidationException as {@code boundary} if its text is not Unicode. */
  private String payloadJson(Object payload, Boundary boundary, String workflow) {
    try {
      return codec.write(payload);
    } catch (InvalidTextException e) {
      throw e.refusal(boundary.describe(workflow));
    }
  }

  @Override
  public String startJson(String json, StartOptions options) {
    StartOptions checked = checked(options);
    Contract<?> input =
        contract(Boundary.input())
            .orElseThrow(
                () ->
                    new StepwiseException(
                        "Workflow \"" + name() + "\" has no @Input; start it without input"));
    String subject = Boundary.input().describe(name());
    // The text as sent, before it is parsed: a huge text costs memory however it is spaced.
    limit.check(json, subject);
    return launch(jsonInputs.read(input, json, subject), checked);
  }

  @Override
  public void resumeJson(String runId, String stepId, String json) {
    checkLookup(runId);
    Boundary boundary = Boundary.resume(stepId);
    Contract<?> payload =
        contract(boundary)
            .orElseThrow(
                () ->
                    new StepwiseException(
                        "Workflow \""
                            + name()
                            + "\" has no suspendable step \""
                            + stepId
                            + "\" to resume"));
    limit.check(json, boundary.describe(name()));
    resume(runId, stepId, jsonInputs.read(payload, json, boundary.describe(name())));
  }

  @Override
  public Optional<Contract<?>> contract(Boundary boundary) {
    return definition.contract(boundary);
  }

  @Override
  public RunStatus status(String runId) {
    checkLookup(runId);
    return db.call("read the status of run " + runId, () -> status(read(runId)));
  }

  private RunStatus status(RunReads.Read read) {
    RunStatus status = RunStatuses.of(graph(), read.run(), read.steps());
    if (waitsForSlots) {
      // By the engine's clock: the queue's rate windows were stored by it.
      status = places.annotate(status, graph(), engine.clock().instant());
    }
    return read.mayHaveChildren() ? ChildRuns.withChildren(repo, status) : status;
  }

  /** The run with its steps, in one statement; RunNotFoundException if it is not one of ours. */
  private RunReads.Read read(String runId) {
    return reads
        .read(runId)
        .filter(r -> r.run().workflow().equals(name()))
        .orElseThrow(() -> notFound(runId));
  }

  @Override
  public RunStatus awaitSettled(String runId, Duration timeout) {
    return await(runId, timeout, RunStatus::isSettled, "settled (finished or suspended)");
  }

  @Override
  public RunStatus awaitCompletion(String runId, Duration timeout) {
    return await(runId, timeout, RunStatus::isFinished, "finished");
  }

  @Override
  public CompletableFuture<RunStatus> successOf(String runId) {
    return waiters.successOf(runId, name());
  }

  private RunStatus await(String runId, Duration timeout, Predicate<RunStatus> done, String what) {
    checkLookup(runId);
    Instant deadline = timeout == null ? null : Instant.now().plus(timeout);
    // A run another node advances wakes this waiter at once on PostgreSQL (NOTIFY).
    watchers.listenToOtherNodes();
    // The final status a commit on this node handed over (a SUCCEEDED run), instead of a re-read.
    RunStatus handed = null;
    // The last status read, and why the last read failed if it did (the database is down).
    Status lastKnown = null;
    RuntimeException unreachable = null;
    while (true) {
      // Take the future before reading, so a commit in between still wakes us.
      CompletableFuture<RunStatus> change = waiters.next(runId);
      try {
        RunStatus s = null;
        if (handed != null) {
          s = handed;
          handed = null;
        } else if (lastKnown == null || deadline == null || Instant.now().isBefore(deadline)) {
          // (Past the deadline, the status read a moment ago is the answer: no read that could
          // keep the caller waiting longer.)
          try {
            RunReads.Read read = db.within(deadline, () -> read(runId));
            unreachable = null;
            // A PENDING or RUNNING run is neither settled nor finished whatever its steps are (its
            // status only shows RUNNING for PENDING): wait without building its status.
            Status stored = read.run().status();
            lastKnown = stored == Status.PENDING ? Status.RUNNING : stored;
            s = stored == Status.PENDING || stored == Status.RUNNING ? null : status(read);
          } catch (RuntimeException e) {
            if (!db.isOutage(e)) {
              throw e;
            }
            // Keep waiting: the database may be back, and the run finished, before the deadline.
            // (A read given up at the deadline keeps the evidence of the outage before it.)
            if (db.isDown(e) || unreachable == null) {
              unreachable = db.isDown(e) ? e : null;
            }
          }
        }
        if (s != null && done.test(s)) {
          return s;
        }
        Duration wait = REREAD;
        if (deadline != null) {
          Duration left = Duration.between(Instant.now(), deadline);
          if (left.isNegative() || left.isZero()) {
            String waited =
                "wait for run " + runId + " of workflow \"" + name() + "\" to be " + what;
            if (unreachable != null) {
              throw db.unavailable(waited + " within " + timeout, unreachable);
            }
            throw new AwaitTimeoutException(
                "Run "
                    + runId
                    + " of workflow \""
                    + name()
                    + "\" is not "
                    + what
                    + " after "
                    + timeout
                    + "; it is "
                    + (s != null
                        ? s.status()
                        : lastKnown != null
                            ? lastKnown
                            : "unknown: the database did not answer in time"));
          }
          wait = left.compareTo(REREAD) < 0 ? left : REREAD;
        }
        RunStatus succeeded = change.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (succeeded != null && succeeded.workflow().equals(name())) {
          handed = succeeded;
        }
      } catch (TimeoutException e) {
        // re-read: the run may be advanced by another node
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StepwiseException("Interrupted while waiting for run " + runId, e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("run waiters are never completed exceptionally", e);
      } finally {
        waiters.forget(runId, change);
      }
    }
  }

  @Override
  public void resume(String runId, String stepId, Object payload) {
    checkLookup(runId);
    int slash = stepId.lastIndexOf('/');
    if (graph().step(stepId).isEmpty() && slash > 0) {
      // "ship/approve": step approve of the child run that step ship started.
      resumeChild(runId + "/" + stepId.substring(0, slash), stepId.substring(slash + 1), payload);
      return;
    }
    if (graph().step(stepId).isEmpty()) {
      throw new StepwiseException(
          "Workflow \"" + name() + "\" has no step \"" + stepId + "\" to resume");
    }
    // Before the transaction: the run stays suspended and the payload is not stored.
    Boundary boundary = Boundary.resume(stepId);
    definition.contract(boundary).ifPresent(c -> c.check(payload, name()));
    String json = limit.check(payloadJson(payload, boundary, name()), boundary.describe(name()));
    db.run(
        "resume step \"" + stepId + "\" of run " + runId,
        () -> control.resume(runId, name(), stepId, json, this::notFound));
  }

  @Override
  public boolean sendEvent(String runId, String name, Object payload) {
    checkLookup(runId);
    if (graph().steps().stream().noneMatch(s -> name.equals(s.options().event()))) {
      throw new StepwiseException(
          "Workflow \"" + name() + "\" has no step that waits for event \"" + name + "\"");
    }
    // Before anything is stored: an invalid payload leaves the step waiting, nothing kept.
    Boundary boundary = Boundary.event(name);
    definition.contract(boundary).ifPresent(c -> c.check(payload, name()));
    String json = limit.check(payloadJson(payload, boundary, name()), boundary.describe(name()));
    return db.call(
        "send event \"" + name + "\" to run " + runId,
        () -> {
          requireRun(runId);
          return control.sendEvent(runId, name, json);
        });
  }

  @Override
  public Watch watch(String runId, RunListener listener) {
    checkLookup(runId);
    db.call("watch run " + runId, () -> requireRun(runId));
    return watchers.watch(runId, listener, this::status);
  }

  private void resumeChild(String childRunId, String stepId, Object payload) {
    checkLookup(childRunId);
    RunRow child =
        db.call(
            "read run " + childRunId,
            () -> repo.findRun(childRunId).orElseThrow(() -> notFound(childRunId)));
    Optional<WorkflowDefinition> childDefinition = engine.definition(child.workflow());
    if (childDefinition.isPresent() && childDefinition.get().graph().step(stepId).isEmpty()) {
      throw new StepwiseException(
          "Workflow \""
              + child.workflow()
              + "\" of child run "
              + childRunId
              + " has no step "
              + IdRules.quote(stepId)
              + " to resume");
    }
    childDefinition
        .flatMap(d -> d.contract(Boundary.resume(stepId)))
        .ifPresent(c -> c.check(payload, child.workflow()));
    // Any workflow's run: the child is reached through its parent, whose client this is.
    String json =
        limit.check(
            payloadJson(payload, Boundary.resume(stepId), child.workflow()),
            Boundary.resume(stepId).describe(child.workflow()));
    db.run(
        "resume step \"" + stepId + "\" of run " + childRunId,
        () -> control.resume(childRunId, null, stepId, json, this::notFound));
  }

  @Override
  public RunStatus runChild(StepContext parent, Object input) {
    String childId = Ids.childId(parent.runId(), parent.stepId());
    String tooLong = IdRules.childIdProblem(childId);
    if (tooLong != null) {
      throw new ChildWorkflowException(
          "Cannot start a child of workflow \"" + name() + "\": " + tooLong);
    }
    // The engine's own id, with its '/': not a caller's, so not held to the caller's rule.
    launch(input, StartOptions.withRunId(childId));
    RunStatus child = status(childId);
    if (child.status() == Status.SUCCEEDED) {
      return child;
    }
    if (child.isFinished()) {
      throw new ChildWorkflowException(
          "Child run "
              + childId
              + " of workflow \""
              + name()
              + "\" is "
              + child.status()
              + (child.failedStep() == null
                  ? ""
                  : " (step \"" + child.failedStep() + "\": " + child.error().message() + ")"));
    }
    throw new ChildWaitSignal(childId);
  }

  @Override
  public boolean cancel(String runId) {
    checkLookup(runId);
    return db.call("cancel run " + runId, () -> control.cancel(runId, name(), this::notFound));
  }

  @Override
  public boolean retry(String runId) {
    checkLookup(runId);
    return db.call("retry run " + runId, () -> control.retry(runId, definition, this::notFound));
  }

  @Override
  public String fork(String runId, ForkOptions options) {
    checkLookup(runId);
    Objects.requireNonNull(options, "options");
    String newRunId = options.runId() != null ? options.runId() : UUID.randomUUID().toString();
    checked(StartOptions.withRunId(newRunId));
    String inputJson = null;
    if (options.input() != null) {
      definition.contract(Boundary.input()).ifPresent(c -> c.check(options.input(), name()));
      inputJson =
          limit.check(
              payloadJson(options.input(), Boundary.input(), name()),
              Boundary.input().describe(name()));
    }
    Map<String, String> outputs = new HashMap<>();
    for (Map.Entry<String, Object> e : options.outputs().entrySet()) {
      Boundary boundary = Boundary.output(e.getKey());
      outputs.put(
          e.getKey(),
          limit.check(payloadJson(e.getValue(), boundary, name()), boundary.describe(name())));
    }
    // A fork is a new run: observed as a start, in the trace of the code that forks it.
    ObservedStart observed = ObservedStart.of(engine.observers(), name());
    RunFork.Request request =
        new RunFork.Request(
            runId, options.fromStep(), newRunId, inputJson, outputs, observed.contextJson());
    String forked;
    try {
      forked = db.call("fork run " + runId, () -> control.fork(graph(), request, this::notFound));
    } catch (RuntimeException e) {
      throw observed.failed(e);
    }
    observed.stored(engine.attempts(), forked, true);
    return forked;
  }

  @Override
  public List<AttemptError> errors(String runId, String stepId) {
    checkLookup(runId);
    Objects.requireNonNull(stepId, "stepId");
    return db.call(
        "read the errors of step " + stepId + " of run " + runId,
        () -> {
          read(runId); // RunNotFoundException for a run of another workflow, or none
          return StepErrorRows.of(repo.dsl(), runId, stepId);
        });
  }

  @Override
  public RunPage list(RunQuery query) {
    Objects.requireNonNull(query, "query");
    return db.call(
        "list the runs of workflow \"" + name() + "\"",
        () -> queries.page(name(), query, Set.of()));
  }

  @Override
  public int cancelAll(RunQuery query) {
    Objects.requireNonNull(query, "query");
    return db.call(
        "cancel runs of workflow \"" + name() + "\"", () -> control.bulk().cancel(name(), query));
  }

  @Override
  public int retryAll(RunQuery query) {
    Objects.requireNonNull(query, "query");
    return db.call(
        "retry runs of workflow \"" + name() + "\"",
        () ->
            control
                .bulk()
                .retry(name(), query, id -> control.retry(id, definition, this::notFound)));
  }

  @Override
  public int deleteAll(RunQuery query) {
    Objects.requireNonNull(query, "query");
    return db.call(
        "delete runs of workflow \"" + name() + "\"", () -> control.bulk().delete(name(), query));
  }

  @Override
  public List<RunStatus> list(int limit) {
    return db.call("list the runs of workflow \"" + name() + "\"", () -> recent(limit));
  }

  private List<RunStatus> recent(int limit) {
    List<RunRow> runs = repo.recentRuns(name(), limit);
    if (runs.isEmpty()) {
      return List.of();
    }
    Map<String, List<StepRow>> steps =
        StepStore.steps(repo.dsl(), runs.stream().map(RunRow::id).toList());
    List<RunStatus> out = new ArrayList<>(runs.size());
    for (RunRow r : runs) {
      out.add(RunStatuses.of(graph(), r, steps.getOrDefault(r.id(), List.of())));
    }
    return out;
  }

  @Override
  public <T> StepResult<T> stepResult(RunStatus run, String stepId, Class<T> type) {
    return stepResult(run, stepId, json -> codec.read(json, type));
  }

  @Override
  public <T> StepResult<T> stepResult(RunStatus run, String stepId, TypeReference<T> type) {
    return stepResult(run, stepId, json -> codec.read(json, type));
  }

  private <T> StepResult<T> stepResult(RunStatus run, String stepId, Function<String, T> decode) {
    StepStatus s =
        run.step(stepId)
            .orElseThrow(
                () ->
                    new StepwiseException(
                        "Workflow \"" + run.workflow() + "\" has no step \"" + stepId + "\""));
    T output = s.status() == Status.SUCCEEDED ? decode.apply(s.outputJson()) : null;
    return new StepResult<>(
        stepId,
        s.status(),
        output,
        s.error(),
        s.attempts(),
        s.startedAt(),
        s.finishedAt(),
        s.suspendReason());
  }

  private RunRow requireRun(String runId) {
    return repo.findRun(runId)
        .filter(r -> r.workflow().equals(name()))
        .orElseThrow(() -> notFound(runId));
  }

  private RunNotFoundException notFound(String runId) {
    return new RunNotFoundException("No run \"" + runId + "\" of workflow \"" + name() + "\"");
  }
}

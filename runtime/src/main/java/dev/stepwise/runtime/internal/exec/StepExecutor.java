package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.DatabaseUnavailableException;
import dev.stepwise.runtime.PayloadTooLargeException;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.internal.commit.ChildRuns;
import dev.stepwise.runtime.internal.commit.Completion;
import dev.stepwise.runtime.internal.commit.EventInbox;
import dev.stepwise.runtime.internal.commit.GraphUpgrade;
import dev.stepwise.runtime.internal.commit.LoopProgress;
import dev.stepwise.runtime.internal.commit.RunStarter;
import dev.stepwise.runtime.internal.json.JsonCodec;
import dev.stepwise.runtime.internal.model.ChildWaitSignal;
import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.PayloadLimit;
import dev.stepwise.runtime.internal.model.Registry;
import dev.stepwise.runtime.internal.model.Rows.Snapshot;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.model.SuspendSignal;
import dev.stepwise.runtime.internal.progress.Backoff;
import dev.stepwise.runtime.internal.progress.LoopDecision;
import dev.stepwise.runtime.internal.store.DatabaseFailures;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.TaskQueue;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.observe.StepObservation;
import dev.stepwise.runtime.spi.validation.Boundary;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Executes leased steps on a worker thread: evaluates conditions, calls the generated dispatch
 * outside any transaction, turns the result into an {@link Outcome} and hands it to {@link
 * Completion}; then runs, on the same thread, the first successor that completion leased to it.
 */
public final class StepExecutor {
  private static final Logger log = LoggerFactory.getLogger(StepExecutor.class);
  static final String MDC_RUN = "stepwise.runId";
  static final String MDC_STEP = "stepwise.stepId";

  private final RunStore repo;
  private final TaskQueue queue;
  private final Registry registry;
  private final Completion completion;
  private final InFlight inFlight;
  private final PutBacks putBacks;
  private final WorkerPool pool;
  private final JsonCodec codec;
  private final EngineConfig config;
  private final PayloadLimit limit;
  private final Clock clock;
  private final QueueWork queues;
  private final GraphUpgrade upgrade;
  private final JumpingTime time;
  private final AttemptObserving observing;

  public StepExecutor(
      RunStore repo,
      TaskQueue queue,
      Registry registry,
      Completion completion,
      InFlight inFlight,
      PutBacks putBacks,
      QueueWork queues,
      GraphUpgrade upgrade,
      WorkerPool pool,
      JsonCodec codec,
      EngineConfig config,
      Clock clock,
      JumpingTime time,
      AttemptObserving observing) {
    this.observing = observing;
    this.putBacks = putBacks;
    this.time = time;
    this.queues = queues;
    this.upgrade = upgrade;
    this.repo = repo;
    this.queue = queue;
    this.registry = registry;
    this.completion = completion;
    this.inFlight = inFlight;
    this.pool = pool;
    this.codec = codec;
    this.config = config;
    this.limit = config.payloadLimit();
    this.clock = clock;
  }

  /** Hands the roots a start leased to this node to worker threads. */
  public void launch(RunStarter.Started started) {
    started.local().forEach(t -> pool.execute(t, this::runChain));
  }

  /**
   * Runs the first root of a run stored with {@code callerRunsFirst} on the calling thread, with
   * the chain of steps it leads (a synchronous start waits anyway: this saves two thread
   * hand-offs); any other root goes to a worker thread.
   */
  public void runHere(RunStarter.Started started) {
    List<Task> local = started.local();
    for (int i = 1; i < local.size(); i++) {
      pool.execute(local.get(i), this::runChain);
    }
    if (!local.isEmpty()) {
      runOnCaller(local.get(0));
    }
  }

  /** Runs {@code first} and the chain of successors leased to this thread; holds one permit. */
  public void runChain(Task first) {
    try {
      follow(first);
    } finally {
      pool.release(1);
    }
  }

  /**
   * Runs {@code first} and the chain of successors leased to it on the calling thread, which is not
   * a worker (a synchronous {@code run} waiting for its run) and so holds no permit: the step
   * cannot wait for a thread, it has one.
   */
  public void runOnCaller(Task first) {
    follow(first);
  }

  private void follow(Task first) {
    Task next = first;
    while (next != null) {
      List<Task> successors = executeOne(next);
      // The first successor runs next on this thread, the others on workers with permits of
      // their own.
      next = successors.isEmpty() ? null : successors.get(0);
      for (int i = 1; i < successors.size(); i++) {
        pool.execute(successors.get(i), this::runChain);
      }
    }
  }

  private List<Task> executeOne(Task task) {
    MDC.put(MDC_RUN, task.runId());
    MDC.put(MDC_STEP, task.stepId());
    inFlight.add(task);
    boolean recorded = false;
    StepObservation observed = StepObservation.NONE;
    long startNanos = 0L;
    try {
      // In the try: whatever observing the attempt costs, the task cannot stay in flight.
      observed = observing.starting(task);
      startNanos = observed == StepObservation.NONE ? 0L : System.nanoTime();
      Outcome outcome = execute(task);
      List<Task> successors = completion.record(task, outcome);
      recorded = true;
      if (observed != StepObservation.NONE) {
        observed.finished(AttemptObserving.end(outcome, startNanos));
      }
      return successors;
    } catch (RuntimeException | Error e) {
      if (observed != StepObservation.NONE) {
        observed.finished(AttemptObserving.putBack(e, startNanos));
      }
      // The engine's own writes failed, not the step: it goes back to the queue with its attempt
      // given back, now or once the database answers again. (An Error too: a step left in flight
      // without a worker would keep its lease, and its run would stall, for as long as we live.)
      log.warn(
          "Recording step {} of run {} failed; putting it back in the queue",
          task.stepId(),
          task.runId(),
          e);
      putBacks.offer(task);
      return List.of();
    } finally {
      if (recorded) {
        inFlight.remove(task);
        queues.finished(task);
      }
      MDC.remove(MDC_RUN);
      MDC.remove(MDC_STEP);
    }
  }

  private Outcome execute(Task task) {
    Snapshot snapshot = task.snapshot();
    // A run of a version kept by registerPrevious runs on that definition.
    WorkflowDefinition definition =
        registry.forRun(task.workflow(), snapshot.graphVersion()).orElseThrow();
    if (snapshot.runStatus().isTerminal()) {
      return new Outcome.Abandoned();
    }
    if (!definition.graph().version().equals(snapshot.graphVersion())) {
      // Another version: the run goes on only if the steps it reached are unchanged (GraphUpgrade).
      Optional<String> refusal = bookkeeping(() -> upgrade.carryOver(task, definition.graph()));
      if (refusal.isPresent()) {
        return failure(refusal.get());
      }
    }
    // An element of a fan-out runs its step's spec (FanOut).
    Optional<StepSpec> spec = definition.graph().step(Ids.stepOf(task.stepId()));
    if (spec.isEmpty()) {
      return failure("workflow \"" + task.workflow() + "\" has no step \"" + task.stepId() + "\"");
    }
    return invoke(definition, spec.get(), task, snapshot);
  }

  private Outcome invoke(
      WorkflowDefinition definition, StepSpec spec, Task task, Snapshot snapshot) {
    int iteration = spec.options().isLoop() ? LoopProgress.iteration(repo, task) : 1;
    DefaultStepContext ctx = new DefaultStepContext(task, queue, config, clock, iteration);
    Supplier<String> previous =
        iteration == 1
            ? () -> null
            : () -> bookkeeping(() -> LoopProgress.previousOutput(repo, task, iteration));
    DefaultStepInvocation invocation =
        Ids.isItem(task.stepId())
            ? bookkeeping(
                () ->
                    new DefaultStepInvocation(
                        codec,
                        snapshot,
                        task,
                        ctx,
                        ElementReads.item(repo.dsl(), spec, task),
                        previous,
                        upstreamOnDemand(task)))
            : new DefaultStepInvocation(codec, snapshot, task, ctx, null, previous);
    try {
      if (spec.when() != null && !definition.evaluateCondition(spec.when(), invocation)) {
        return new Outcome.Skipped();
      }
      if (spec.unless() != null && definition.evaluateCondition(spec.unless(), invocation)) {
        return new Outcome.Skipped();
      }
      if (spec.options().hasEvent()) {
        EventInbox.Arrival arrival =
            bookkeeping(() -> EventInbox.arrival(repo.dsl(), task, spec.options().event()));
        if (!arrival.received()) {
          return EventInbox.notYet(spec, arrival, clock.instant());
        }
        invocation.event(arrival.payload());
      }
      if (spec.options().transactional()) {
        return transactional(definition, spec, task, invocation);
      }
      Object output =
          spec.options().timeout() == null
              ? definition.invokeStep(spec.id(), invocation)
              : StepDeadline.call(
                  spec.id(),
                  spec.options().timeout(),
                  () -> definition.invokeStep(spec.id(), invocation),
                  time);
      // An output that breaks its schema is not recorded: the step fails (and is retried if
      // its policy retries ValidationException) with every violation in its error.
      checkOutput(definition, spec, task, output);
      String json = outputJson(task, output);
      if (spec.options().isLoop()) {
        return afterIteration(definition, spec, task, snapshot, json, iteration, ctx, codec);
      }
      return new Outcome.Succeeded(json);
    } catch (BookkeepingFailure e) {
      throw e; // not the step's failure: executeOne puts the step back
    } catch (DatabaseUnavailableException e) {
      // The step called the engine (a child run, say) while the database was down.
      throw new BookkeepingFailure(e);
    } catch (SuspendSignal s) {
      return new Outcome.Suspended(s.reason());
    } catch (ChildWaitSignal w) {
      // Parked until the child finishes (its node sends the event), or the recheck is due.
      return new Outcome.AwaitEvent(
          Ids.childEventOf(w.childRunId()), clock.instant().plus(ChildRuns.RECHECK));
    } catch (Throwable thrown) { // a step's Error is recorded too; never retried (see Backoff)
      // What a transactional step's body threw arrives wrapped, after its rollback.
      Throwable t = thrown instanceof StepBodyFailure f ? f.getCause() : thrown;
      StepError error = StepErrors.of(t);
      // An output too large to store would be as large again: not retried, whatever the policy.
      if (!(t instanceof PayloadTooLargeException)
          && Backoff.shouldRetry(spec.retry(), task.attempt(), t)) {
        Instant at =
            clock
                .instant()
                .plus(
                    Backoff.delay(
                        spec.retry(), task.attempt(), ThreadLocalRandom.current().nextDouble()));
        return new Outcome.Retry(error, at);
      }
      // Retries are logged where they are scheduled; a failure for good is logged here, so that a
      // FAILED run leaves a trace in the log, not only in its row.
      log.warn(
          "Step {} of run {} failed on attempt {} and is not retried: {}",
          task.stepId(),
          task.runId(),
          task.attempt(),
          error.summary(),
          t);
      return new Outcome.Failed(error);
    }
  }

  /**
   * Runs a transactional step's body in the transaction that records it. What the body throws is
   * the step's failure, unless it is the database being unavailable (a lost connection, a deadlock
   * or serialization victim): the transaction is gone then, not the step's logic wrong, so the step
   * runs again without spending an attempt, like any failure of the recording itself.
   */
  private Outcome transactional(
      WorkflowDefinition definition, StepSpec spec, Task task, DefaultStepInvocation invocation) {
    try {
      return completion.recordTransactional(
          task,
          tx -> {
            invocation.transaction(tx);
            String[] json = {null};
            Runnable body = () -> json[0] = transactionalBody(definition, spec, task, invocation);
            try {
              // The scope sees the transaction's own connection (jOOQ hands out the one it holds).
              tx.connection(c -> config.transactionalStepScope().run(c, body));
            } catch (SuspendSignal | ChildWaitSignal | StepBodyFailure passedOn) {
              throw passedOn;
            } catch (Throwable t) { // the scope's own failure is the step's
              throw new StepBodyFailure(t);
            }
            return json[0];
          });
    } catch (StepBodyFailure f) {
      if (DatabaseFailures.isTransient(f.getCause())) {
        throw new BookkeepingFailure(f.getCause());
      }
      throw f;
    } catch (SuspendSignal | ChildWaitSignal signal) {
      throw signal;
    } catch (RuntimeException e) {
      throw new BookkeepingFailure(e);
    }
  }

  /**
   * A transactional step's body, inside its transaction: the output as JSON; what the step throws
   * arrives wrapped in a {@link StepBodyFailure}, except the signals that park it.
   */
  private String transactionalBody(
      WorkflowDefinition definition, StepSpec spec, Task task, DefaultStepInvocation invocation) {
    try {
      Object result = definition.invokeStep(spec.id(), invocation);
      checkOutput(definition, spec, task, result); // a violation rolls back
      return outputJson(task, result); // and so does a result too large to store
    } catch (SuspendSignal | ChildWaitSignal signal) {
      throw signal;
    } catch (Throwable t) {
      throw new StepBodyFailure(t);
    }
  }

  /**
   * The upstream outputs of a fan-out element, read when the step asks for them, inside its call: a
   * failed read is the engine's, so the step goes back to the queue instead of failing.
   */
  private Function<String, String> upstreamOnDemand(Task task) {
    Function<String, String> reads = ElementReads.upstream(repo.dsl(), task);
    return stepId -> bookkeeping(() -> reads.apply(stepId));
  }

  /** Runs one of the engine's own reads or writes; its failure is not the step's. */
  private static <T> T bookkeeping(Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      throw new BookkeepingFailure(e);
    }
  }

  /** The engine's own statements failed while a step ran; the step itself did not fail. */
  private static final class BookkeepingFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BookkeepingFailure(Throwable cause) {
      super(cause.toString(), cause);
    }
  }

  /**
   * The output as the JSON to store; a {@link PayloadTooLargeException} naming the step (or the
   * fan-out element) if it is over the engine's limit.
   */
  private String outputJson(Task task, Object output) {
    return limit.check(
        codec.writeOutput(output), Boundary.output(task.stepId()).describe(task.workflow()));
  }

  private static void checkOutput(
      WorkflowDefinition definition, StepSpec spec, Task task, Object output) {
    // A fan-out's contract is for the list of results: check one element as a list of one.
    Object checked = spec.options().isParallel() ? Collections.singletonList(output) : output;
    definition
        .contract(Boundary.output(spec.id()))
        .ifPresent(c -> c.check(checked, task.workflow()));
  }

  /** Carries what a transactional step's body threw out of the transaction's lambda. */
  private static final class StepBodyFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepBodyFailure(Throwable cause) {
      super(cause);
    }
  }

  private static Outcome failure(String message) {
    return new Outcome.Failed(new StepError(StepwiseException.class.getName(), message, null));
  }

  /**
   * What iteration {@code iteration} of a loop step, which returned {@code outputJson}, means:
   * done, another iteration, or a failure once the iterations ran out.
   */
  private static Outcome afterIteration(
      WorkflowDefinition definition,
      StepSpec spec,
      Task task,
      Snapshot snapshot,
      String outputJson,
      int iteration,
      DefaultStepContext ctx,
      JsonCodec codec)
      throws Exception {
    // The condition reads this iteration's output through @From of the step itself.
    Map<String, String> outputs = new HashMap<>(snapshot.outputs());
    outputs.put(spec.id(), outputJson);
    Snapshot after =
        new Snapshot(snapshot.graphVersion(), snapshot.runStatus(), snapshot.input(), outputs);
    boolean holds =
        definition.evaluateCondition(
            spec.options().loopCondition(), new DefaultStepInvocation(codec, after, task, ctx));
    return LoopDecision.afterIteration(spec, holds, outputJson, iteration);
  }
}

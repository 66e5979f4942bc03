package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.observe.Observers;
import dev.stepwise.runtime.internal.store.RunContexts;
import dev.stepwise.runtime.spi.observe.AttemptEnd;
import dev.stepwise.runtime.spi.observe.StepAttempt;
import dev.stepwise.runtime.spi.observe.StepObservation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the observers about step attempts: builds each {@link StepAttempt} with its run's stored
 * context and each {@link AttemptEnd} from the outcome. A run's context never changes after its
 * start, so this node keeps the contexts of its recent runs and reads a run's row only for the
 * first of its steps it runs. Does nothing, and reads nothing, without observers.
 */
public final class AttemptObserving {
  private static final Logger log = LoggerFactory.getLogger(AttemptObserving.class);

  /** Enough for the runs in flight on a busy node; an evicted one costs one read. */
  private static final int RECENT_RUNS = 4096;

  private final Observers observers;
  private final RunContexts contexts;
  private final String nodeId;
  private final Map<String, Map<String, String>> recent =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
          return size() > RECENT_RUNS;
        }
      };

  public AttemptObserving(Observers observers, RunContexts contexts, String nodeId) {
    this.nodeId = nodeId;
    this.observers = observers;
    this.contexts = contexts;
  }

  public boolean isEmpty() {
    return observers.isEmpty();
  }

  /** A run this node stored with {@code context}: its steps here need not read it. */
  public void stored(String runId, Map<String, String> context) {
    if (observers.isEmpty()) {
      return;
    }
    synchronized (recent) {
      recent.put(runId, Map.copyOf(context));
    }
  }

  /** The attempt of {@code task} starts on this thread; NONE without observers. */
  StepObservation starting(Task task) {
    if (observers.isEmpty()) {
      return StepObservation.NONE;
    }
    StepAttempt attempt =
        new StepAttempt(
            task.workflow(),
            task.runId(),
            Ids.stepOf(task.stepId()),
            task.stepId(),
            task.attempt(),
            nodeId,
            contextOf(task.runId()));
    return observers.stepStarting(attempt);
  }

  private Map<String, String> contextOf(String runId) {
    synchronized (recent) {
      Map<String, String> known = recent.get(runId);
      if (known != null) {
        return known;
      }
    }
    Map<String, String> read;
    try {
      read = contexts.read(runId);
    } catch (RuntimeException e) {
      // A context is worth less than the step: run it, outside the run's trace.
      log.debug("Could not read the context of run {}", runId, e);
      return Map.of();
    }
    synchronized (recent) {
      recent.put(runId, read);
    }
    return read;
  }

  /** How an attempt that started at {@code startNanos} ended with {@code outcome}. */
  static AttemptEnd end(Outcome outcome, long startNanos) {
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    if (outcome instanceof Outcome.Retry r) {
      return new AttemptEnd(Status.FAILED, r.error().type(), r.notBefore(), took);
    }
    if (outcome instanceof Outcome.Failed f) {
      return new AttemptEnd(Status.FAILED, f.error().type(), null, took);
    }
    return new AttemptEnd(statusOf(outcome), null, null, took);
  }

  /** An attempt whose outcome could not be recorded: the step goes back to the queue. */
  static AttemptEnd putBack(Throwable error, long startNanos) {
    return new AttemptEnd(
        Status.PENDING,
        error.getClass().getName(),
        null,
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  private static Status statusOf(Outcome outcome) {
    if (outcome instanceof Outcome.Skipped) {
      return Status.SKIPPED;
    }
    if (outcome instanceof Outcome.Suspended) {
      return Status.SUSPENDED;
    }
    if (outcome instanceof Outcome.AwaitEvent) {
      return Status.WAITING;
    }
    if (outcome instanceof Outcome.Abandoned) {
      return Status.CANCELLED;
    }
    // Succeeded, a transactional step's Recorded, a loop iteration's Repeat.
    return Status.SUCCEEDED;
  }
}

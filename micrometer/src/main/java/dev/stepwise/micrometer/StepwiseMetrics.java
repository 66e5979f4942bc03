package dev.stepwise.micrometer;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.spi.observe.AttemptEnd;
import dev.stepwise.runtime.spi.observe.RunFinish;
import dev.stepwise.runtime.spi.observe.RunStartObservation;
import dev.stepwise.runtime.spi.observe.StepAttempt;
import dev.stepwise.runtime.spi.observe.StepObservation;
import dev.stepwise.runtime.spi.observe.StepwiseObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's work as Micrometer meters: runs started and finished, each step attempt's duration
 * and outcome, the attempts a step took, retries, claims and expired leases. Register it with
 * {@code Stepwise.builder().observer(StepwiseMetrics.of(registry))}. Every meter and tag is listed
 * in docs/observability.md; tags are the workflow, step, status and queue names, never a run id, so
 * a meter's series stay as few as the workflows' steps.
 */
public final class StepwiseMetrics implements StepwiseObserver {
  /** The {@code queue} tag of steps and claims outside any {@code @Queue}. */
  public static final String NO_QUEUE = "none";

  private final MeterRegistry registry;
  // Meters by their tags: a lookup per event instead of a registration.
  private final Map<String, Counter> started = new ConcurrentHashMap<>();
  private final Map<RunKey, Counter> finished = new ConcurrentHashMap<>();
  private final Map<RunKey, Timer> runDurations = new ConcurrentHashMap<>();
  private final Map<StepKey, Timer> attempts = new ConcurrentHashMap<>();
  private final Map<StepKey, DistributionSummary> attemptsTaken = new ConcurrentHashMap<>();
  private final Map<StepKey, Counter> retries = new ConcurrentHashMap<>();
  private final Map<StepKey, Timer> waits = new ConcurrentHashMap<>();
  private final Map<String, Timer> claims = new ConcurrentHashMap<>();
  private final Map<String, Counter> claimed = new ConcurrentHashMap<>();
  private final Counter expired;

  private StepwiseMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.expired =
        Counter.builder("stepwise.leases.expired")
            .description("Running steps whose lease expired, put back for any node to take over")
            .register(registry);
  }

  /** Meters in {@code registry}, for {@code Stepwise.builder().observer(...)}. */
  public static StepwiseMetrics of(MeterRegistry registry) {
    return new StepwiseMetrics(Objects.requireNonNull(registry, "registry"));
  }

  private record RunKey(String workflow, String status) {}

  private record StepKey(String workflow, String step, String status) {}

  @Override
  public RunStartObservation runStarting(String workflow) {
    return new RunStartObservation() {
      @Override
      public void started(String runId, boolean created) {
        if (created) {
          started.computeIfAbsent(workflow, StepwiseMetrics.this::startedCounter).increment();
        }
      }
    };
  }

  @Override
  public void runFinished(RunFinish finish) {
    RunKey key = new RunKey(finish.workflow(), tag(finish.status()));
    finished.computeIfAbsent(key, this::finishedCounter).increment();
    runDurations.computeIfAbsent(key, this::runTimer).record(finish.duration());
  }

  @Override
  public StepObservation stepStarting(StepAttempt attempt) {
    return end -> stepEnded(attempt, end);
  }

  private void stepEnded(StepAttempt attempt, AttemptEnd end) {
    String status = end.retrying() ? "retrying" : tag(end.status());
    StepKey key = new StepKey(attempt.workflow(), attempt.step(), status);
    attempts.computeIfAbsent(key, this::attemptTimer).record(end.duration());
    if (end.retrying()) {
      StepKey step = new StepKey(attempt.workflow(), attempt.step(), null);
      retries.computeIfAbsent(step, this::retryCounter).increment();
    } else if (end.status() == Status.SUCCEEDED || end.status() == Status.FAILED) {
      // A step that ended for good: how many attempts it took.
      attemptsTaken.computeIfAbsent(key, this::attemptsSummary).record(attempt.attempt());
    }
  }

  @Override
  public void stepsClaimed(String queue, int count, Duration latency) {
    String q = queue == null ? NO_QUEUE : queue;
    claims.computeIfAbsent(q, this::claimTimer).record(latency);
    if (count > 0) {
      claimed.computeIfAbsent(q, this::claimedCounter).increment(count);
    }
  }

  @Override
  public void stepWaited(String workflow, String step, String queue, Duration waited) {
    // The key's third part is the queue here.
    StepKey key = new StepKey(workflow, step, queue == null ? NO_QUEUE : queue);
    waits.computeIfAbsent(key, this::waitTimer).record(waited);
  }

  @Override
  public void leasesExpired(int steps) {
    expired.increment(steps);
  }

  private Counter startedCounter(String workflow) {
    return Counter.builder("stepwise.runs.started")
        .description("Runs started (a start that returned an existing run is not counted)")
        .tag("workflow", workflow)
        .register(registry);
  }

  private Counter finishedCounter(RunKey k) {
    return Counter.builder("stepwise.runs.finished")
        .description("Runs finished, by their final status")
        .tags("workflow", k.workflow(), "status", k.status())
        .register(registry);
  }

  private Timer runTimer(RunKey k) {
    return Timer.builder("stepwise.runs.duration")
        .description("From a run's start until it finished, suspended and waiting time included")
        .tags("workflow", k.workflow(), "status", k.status())
        .register(registry);
  }

  private Timer attemptTimer(StepKey k) {
    return Timer.builder("stepwise.steps.duration")
        .description("One attempt of a step, from its start until its outcome was recorded")
        .tags("workflow", k.workflow(), "step", k.step(), "status", k.status())
        .register(registry);
  }

  private DistributionSummary attemptsSummary(StepKey k) {
    return DistributionSummary.builder("stepwise.steps.attempts")
        .description("The attempts a step took, counted when it succeeded or failed for good")
        .baseUnit("attempts")
        .tags("workflow", k.workflow(), "step", k.step(), "status", k.status())
        .register(registry);
  }

  private Counter retryCounter(StepKey k) {
    return Counter.builder("stepwise.steps.retries")
        .description("Failed attempts after which a retry was scheduled")
        .tags("workflow", k.workflow(), "step", k.step())
        .register(registry);
  }

  private Timer waitTimer(StepKey k) {
    return Timer.builder("stepwise.steps.queued")
        .description("How long a due step waited until a claim took it")
        .tags("workflow", k.workflow(), "step", k.step(), "queue", k.status())
        .register(registry);
  }

  private Timer claimTimer(String queue) {
    return Timer.builder("stepwise.claims.duration")
        .description("One claim of due steps by this node, the database's round trip")
        .tag("queue", queue)
        .register(registry);
  }

  private Counter claimedCounter(String queue) {
    return Counter.builder("stepwise.claims.steps")
        .description("Steps this node claimed")
        .tag("queue", queue)
        .register(registry);
  }

  /** A status as a tag value: lower case, as Micrometer's own tags are. */
  private static String tag(Status status) {
    return status == Status.PENDING ? "put_back" : status.name().toLowerCase(Locale.ROOT);
  }
}

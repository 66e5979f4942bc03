package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.step;

import dev.stepwise.Join;
import dev.stepwise.runtime.spi.FlowControl;
import dev.stepwise.runtime.spi.QueueSpec;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * call -> record, where {@code call} may wait for a queue and the workflow may limit its runs. The
 * steps record themselves: how many run at once (overall and per key), when each started, in which
 * order jobs ran, and how many runs are between their first and their last step at once.
 */
public final class QueuedFlow {
  public record Job(String key, int n) {}

  public final AtomicInteger running = new AtomicInteger();
  public final AtomicInteger maxRunning = new AtomicInteger();
  public final Map<String, AtomicInteger> runningByKey = new ConcurrentHashMap<>();
  public final Map<String, AtomicInteger> maxByKey = new ConcurrentHashMap<>();

  /** By node: the worker thread's name up to its number ({@code stepwise-worker-<node>}). */
  public final Map<String, AtomicInteger> runningByNode = new ConcurrentHashMap<>();

  public final Map<String, AtomicInteger> maxByNode = new ConcurrentHashMap<>();
  public final AtomicInteger runsInside = new AtomicInteger();
  public final AtomicInteger maxRunsInside = new AtomicInteger();
  public final Map<String, AtomicInteger> runsInsideByKey = new ConcurrentHashMap<>();
  public final Map<String, AtomicInteger> maxRunsInsideByKey = new ConcurrentHashMap<>();
  public final List<Instant> starts = new CopyOnWriteArrayList<>();
  public final List<Integer> order = new CopyOnWriteArrayList<>();
  public final List<String> inputs = new CopyOnWriteArrayList<>();
  public final AtomicInteger calls = new AtomicInteger();

  /** Jobs whose first attempt of {@code call} fails (the definition must retry it). */
  public volatile Predicate<Job> failsFirst = j -> false;

  /** Jobs for which {@code call} blocks until {@link #release} opens. */
  public volatile Predicate<Job> blocks = j -> false;

  public final CountDownLatch release = new CountDownLatch(1);

  /** Jobs whose {@code record} step blocks until {@link #recordRelease} opens. */
  public volatile Predicate<Integer> recordBlocks = n -> false;

  public final CountDownLatch recordRelease = new CountDownLatch(1);
  public final CountDownLatch recordBlocked = new CountDownLatch(1);
  public final CountDownLatch blockedStarted = new CountDownLatch(1);

  /** How long each call holds its slot, so that calls overlap when the limits let them. */
  public volatile Duration hold = Duration.ofMillis(15);

  String call(Job job, int attempt) throws InterruptedException {
    calls.incrementAndGet();
    if (attempt == 1 && failsFirst.test(job)) {
      throw new IllegalStateException("first attempt of job " + job.n() + " fails");
    }
    starts.add(Instant.now());
    order.add(job.n());
    inputs.add(job.key() + ":" + job.n());
    enter(running, maxRunning);
    enter(counter(runningByKey, job.key()), counter(maxByKey, job.key()));
    String node = node();
    enter(counter(runningByNode, node), counter(maxByNode, node));
    enter(runsInside, maxRunsInside);
    enter(counter(runsInsideByKey, job.key()), counter(maxRunsInsideByKey, job.key()));
    try {
      if (blocks.test(job)) {
        blockedStarted.countDown();
        release.await(60, TimeUnit.SECONDS);
      } else {
        Thread.sleep(hold.toMillis());
      }
      return job.key() + "#" + job.n();
    } finally {
      counter(runningByNode, node).decrementAndGet();
      counter(runningByKey, job.key()).decrementAndGet();
      running.decrementAndGet();
    }
  }

  String record(String called) throws InterruptedException {
    if (recordBlocks.test(Integer.parseInt(called.substring(called.indexOf('#') + 1)))) {
      recordBlocked.countDown();
      recordRelease.await(60, TimeUnit.SECONDS);
    }
    counter(runsInsideByKey, called.substring(0, called.indexOf('#'))).decrementAndGet();
    runsInside.decrementAndGet();
    return "recorded " + called;
  }

  private static String node() {
    String thread = Thread.currentThread().getName();
    int last = thread.lastIndexOf('-');
    return last < 0 ? thread : thread.substring(0, last);
  }

  /** Forgets the calls blocked on a node that was killed: their threads count as dead. */
  public void forgetBlocked(int n) {
    running.addAndGet(-n);
    runsInside.addAndGet(-n);
  }

  private static void enter(AtomicInteger counter, AtomicInteger max) {
    int now = counter.incrementAndGet();
    max.accumulateAndGet(now, Math::max);
  }

  private static AtomicInteger counter(Map<String, AtomicInteger> byKey, String key) {
    return byKey.computeIfAbsent(key == null ? "" : key, k -> new AtomicInteger());
  }

  public int maxOfAnyKey() {
    return maxByKey.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
  }

  public int maxRunsOfAnyKey() {
    return maxRunsInsideByKey.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
  }

  /** What the processor would generate for QueuedFlow with this queue and run limit. */
  public static final class Definition implements WorkflowDefinition {
    private final QueuedFlow flow;
    private final WorkflowGraph graph;
    private final FlowControl control;

    /**
     * @param queue the queue of {@code call}, or null
     * @param control the workflow's run limits and key path ({@code FlowControl.NONE} for none)
     */
    public Definition(QueuedFlow flow, String name, QueueSpec queue, FlowControl control) {
      this(flow, name, queue, control, RetryPolicy.NONE);
    }

    /** As above, {@code call} retried per {@code retry}. */
    public Definition(
        QueuedFlow flow, String name, QueueSpec queue, FlowControl control, RetryPolicy retry) {
      this.flow = flow;
      this.control = control;
      StepSpec call = new StepSpec("call", List.of(), Join.ALL, retry, null, null, false);
      this.graph =
          new WorkflowGraph(
              name,
              name + "-v1",
              List.of(queue == null ? call : call.withQueue(queue), step("record", "call")),
              "record",
              "flowchart TD");
    }

    @Override
    public WorkflowGraph graph() {
      return graph;
    }

    @Override
    public FlowControl flowControl() {
      return control;
    }

    @Override
    public String concurrencyKey(Object input) {
      return ((Job) input).key();
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) throws Exception {
      return switch (stepId) {
        case "call" -> flow.call(in.input(Job.class), in.context().attempt());
        case "record" -> flow.record(in.output("call", String.class));
        default -> throw new IllegalArgumentException(stepId);
      };
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      throw new IllegalArgumentException(name);
    }
  }
}

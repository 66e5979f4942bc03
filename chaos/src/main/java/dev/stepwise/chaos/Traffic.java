package dev.stepwise.chaos;

import dev.stepwise.chaos.flow.ChainFlow;
import dev.stepwise.chaos.flow.ChainFlowRunner;
import dev.stepwise.chaos.flow.ForkFlow;
import dev.stepwise.chaos.flow.ForkFlowRunner;
import dev.stepwise.chaos.flow.Job;
import dev.stepwise.chaos.flow.QueuedFlow;
import dev.stepwise.chaos.flow.QueuedFlowRunner;
import dev.stepwise.runtime.StartOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Starts runs at a steady rate, with ids the soak knows ({@code soak-<seed>-<n>}), through the
 * generated runners as a user would, from a few threads so that one slow start does not hold up the
 * rate. A start that fails (the database is down or restarting) is retried with the same id until
 * the engine acknowledges it: a start whose commit went through before the error then returns that
 * run instead of a second one. So every id the soak chose is acknowledged once, and each
 * acknowledged run must finish. Runs take turns: a third each of {@code soak-queued}, {@code
 * soak-chain} and {@code soak-fork}.
 */
final class Traffic {
  /** Of the runs, this share has one step that fails once by design. */
  private static final double FLAKY = 0.3;

  private static final int THREADS = 4;
  private static final long SECOND = 1_000_000_000L;

  private final ChainFlowRunner chain;
  private final ForkFlowRunner fork;
  private final QueuedFlowRunner queued;
  private final SoakOptions options;
  private final IntSupplier finished;
  private final long period;
  private final AtomicInteger lastId = new AtomicInteger();
  private final AtomicInteger startErrors = new AtomicInteger();
  private final Map<String, Job> acknowledged = new LinkedHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private long next;
  private int finishedRead;
  private long finishedReadAt;
  private volatile boolean stopping;
  private volatile String lastError;

  /**
   * @param finished how many of the soak's runs are finished, read from the database; -1 if it
   *     cannot say now
   */
  Traffic(
      ChainFlowRunner chain,
      ForkFlowRunner fork,
      QueuedFlowRunner queued,
      SoakOptions options,
      IntSupplier finished) {
    this.chain = chain;
    this.fork = fork;
    this.queued = queued;
    this.options = options;
    this.finished = finished;
    this.period = Math.max(1, SECOND / options.rate());
  }

  static String runId(long seed, int n) {
    return String.format("soak-%d-%06d", seed, n);
  }

  /** The soak's workflows. */
  enum Flow {
    CHAIN(ChainFlow.RETRIED),
    FORK(ForkFlow.RETRIED),
    QUEUED(QueuedFlow.RETRIED);

    final List<String> retried;

    Flow(List<String> retried) {
      this.retried = retried;
    }
  }

  /** The workflow of run {@code n}: they take turns. */
  static Flow flow(int n) {
    switch (n % 3) {
      case 0:
        return Flow.QUEUED;
      case 1:
        return Flow.CHAIN;
      default:
        return Flow.FORK;
    }
  }

  /**
   * The input of run {@code n}: from the seed and {@code n} alone, so that a seed gives the same
   * runs whatever order the threads start them in.
   */
  static Job job(SoakOptions options, int n, Flow flow) {
    // SplittableRandom mixes its seed; java.util.Random's first draws from neighbouring seeds
    // are nearly equal, which made every run of a soak flaky or none.
    SplittableRandom r = new SplittableRandom(options.seed() * 1_000_003L + n);
    List<String> retried = flow.retried;
    String failFirst = r.nextDouble() < FLAKY ? retried.get(r.nextInt(retried.size())) : "";
    int latency = r.nextInt((int) options.latency().toMillis() + 1);
    // From a fifth of --hold to all of it, drawn after the others so that they stay as they were.
    long hold = options.hold().toMillis();
    int holdMs = flow == Flow.QUEUED ? (int) (hold / 5 + r.nextLong(hold - hold / 5 + 1)) : 0;
    return new Job(latency, failFirst, holdMs);
  }

  void start() {
    next = System.nanoTime();
    for (int i = 0; i < THREADS; i++) {
      Thread t = new Thread(this::loop, "soak-traffic-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** No new start begins after this. */
  void stop() {
    stopping = true;
  }

  /** Returns once every start begun is acknowledged. */
  void join() throws InterruptedException {
    for (Thread t : threads) {
      t.join();
    }
  }

  private void loop() {
    while (!stopping) {
      long wait = nextSlot() - System.nanoTime();
      if (wait > 0) {
        sleep(wait / 1_000_000 + 1);
      }
      if (stopping) {
        return;
      }
      if (open() >= options.maxOpen()) {
        continue; // this slot passes unused
      }
      int n = lastId.incrementAndGet();
      start(runId(options.seed(), n), job(options, n, flow(n)), flow(n));
    }
  }

  /** The time of this thread's next start; after a pause the rate resumes without a burst. */
  private synchronized long nextSlot() {
    next = Math.max(next + period, System.nanoTime() - period);
    return next;
  }

  /** Runs acknowledged and not finished, with the finished count read at most once a second. */
  private synchronized int open() {
    long now = System.nanoTime();
    if (now - finishedReadAt > SECOND) {
      int done = finished.getAsInt();
      if (done >= 0) {
        finishedRead = done;
      }
      finishedReadAt = now;
    }
    return acknowledged.size() - finishedRead;
  }

  private void start(String id, Job job, Flow flow) {
    while (true) {
      try {
        String got;
        switch (flow) {
          case CHAIN:
            got = chain.startAsync(job, StartOptions.withRunId(id)).runId();
            break;
          case FORK:
            got = fork.startAsync(job, StartOptions.withRunId(id)).runId();
            break;
          default:
            got = queued.startAsync(job, StartOptions.withRunId(id)).runId();
        }
        if (!got.equals(id)) {
          throw new IllegalStateException("started " + id + " but the engine returned " + got);
        }
        synchronized (this) {
          acknowledged.put(id, job);
        }
        return;
      } catch (RuntimeException e) {
        // Retried whatever stopping says: the id may be stored already, and it must be counted.
        startErrors.incrementAndGet();
        lastError = e.toString();
        sleep(200);
      }
    }
  }

  /** The runs the engine acknowledged, in the order it did, with their inputs. */
  synchronized Map<String, Job> acknowledged() {
    return new LinkedHashMap<>(acknowledged);
  }

  synchronized int size() {
    return acknowledged.size();
  }

  /** Starts that threw and were retried with the same id. */
  int startErrors() {
    return startErrors.get();
  }

  String lastError() {
    return lastError;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

package dev.stepwise.chaos;

import dev.stepwise.chaos.flow.ChainFlow;
import dev.stepwise.chaos.flow.ChainFlowRunner;
import dev.stepwise.chaos.flow.ForkFlow;
import dev.stepwise.chaos.flow.ForkFlowRunner;
import dev.stepwise.chaos.flow.Job;
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
 * acknowledged run must finish.
 */
final class Traffic {
  /** Of the runs, this share has one step that fails once by design. */
  private static final double FLAKY = 0.3;

  private static final int THREADS = 4;
  private static final long SECOND = 1_000_000_000L;

  private final ChainFlowRunner chain;
  private final ForkFlowRunner fork;
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
  Traffic(ChainFlowRunner chain, ForkFlowRunner fork, SoakOptions options, IntSupplier finished) {
    this.chain = chain;
    this.fork = fork;
    this.options = options;
    this.finished = finished;
    this.period = Math.max(1, SECOND / options.rate());
  }

  static String runId(long seed, int n) {
    return String.format("soak-%d-%06d", seed, n);
  }

  /**
   * The input of run {@code n}: from the seed and {@code n} alone, so that a seed gives the same
   * runs whatever order the threads start them in.
   */
  static Job job(SoakOptions options, int n, boolean forked) {
    // SplittableRandom mixes its seed; java.util.Random's first draws from neighbouring seeds
    // are nearly equal, which made every run of a soak flaky or none.
    SplittableRandom r = new SplittableRandom(options.seed() * 1_000_003L + n);
    List<String> retried = forked ? ForkFlow.RETRIED : ChainFlow.RETRIED;
    String failFirst = r.nextDouble() < FLAKY ? retried.get(r.nextInt(retried.size())) : "";
    return new Job(r.nextInt((int) options.latency().toMillis() + 1), failFirst);
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
      start(runId(options.seed(), n), job(options, n, n % 2 == 0), n % 2 == 0);
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

  private void start(String id, Job job, boolean forked) {
    while (true) {
      try {
        String got =
            forked
                ? fork.startAsync(job, StartOptions.withRunId(id)).runId()
                : chain.startAsync(job, StartOptions.withRunId(id)).runId();
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

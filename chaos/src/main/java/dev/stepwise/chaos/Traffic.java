package dev.stepwise.chaos;

import dev.stepwise.chaos.flow.ChainFlow;
import dev.stepwise.chaos.flow.ChainFlowRunner;
import dev.stepwise.chaos.flow.ForkFlow;
import dev.stepwise.chaos.flow.ForkFlowRunner;
import dev.stepwise.chaos.flow.Job;
import dev.stepwise.runtime.StartOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Starts runs at a steady rate, with ids the soak knows ({@code soak-<seed>-<n>}), through the
 * generated runners as a user would. A start that fails (the database is down or restarting) is
 * retried with the same id until the engine acknowledges it: a start whose commit went through
 * before the error then returns that run instead of a second one. So every id the soak chose is
 * acknowledged once, and each acknowledged run must finish.
 */
final class Traffic implements Runnable {
  /** Of the runs, this share has one step that fails once by design. */
  private static final double FLAKY = 0.3;

  private final ChainFlowRunner chain;
  private final ForkFlowRunner fork;
  private final SoakOptions options;
  private final IntSupplier finished;
  private final Random random;
  private final Map<String, Job> acknowledged = new LinkedHashMap<>();
  private final AtomicInteger startErrors = new AtomicInteger();
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
    this.random = new Random(options.seed() * 31 + 7);
  }

  static String runId(long seed, int n) {
    return String.format("soak-%d-%06d", seed, n);
  }

  /** Asks the loop to end once its current start is acknowledged. */
  void stop() {
    stopping = true;
  }

  @Override
  public void run() {
    long period = Math.max(1, 1_000_000_000L / options.rate());
    long next = System.nanoTime();
    int n = 0;
    int open = 0;
    long openReadAt = 0;
    while (!stopping) {
      long now = System.nanoTime();
      if (now < next) {
        sleep(Duration.ofNanos(next - now));
        continue;
      }
      // After a pause (an outage) the rate resumes; it does not catch up in a burst.
      next = Math.max(next + period, now - period);
      if (now - openReadAt > 1_000_000_000L) {
        int done = finished.getAsInt();
        open = done < 0 ? open : size() - done;
        openReadAt = now;
      }
      if (open >= options.maxOpen()) {
        continue;
      }
      n++;
      open++;
      start(runId(options.seed(), n), random.nextBoolean());
    }
  }

  private void start(String id, boolean forked) {
    List<String> retried = forked ? ForkFlow.RETRIED : ChainFlow.RETRIED;
    String failFirst =
        random.nextDouble() < FLAKY ? retried.get(random.nextInt(retried.size())) : "";
    Job job = new Job(random.nextInt((int) options.latency().toMillis() + 1), failFirst);
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
        sleep(Duration.ofMillis(200));
      }
    }
  }

  /** The runs the engine acknowledged, in start order, with their inputs. */
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

  private static void sleep(Duration d) {
    try {
      Thread.sleep(Math.max(1, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

package dev.stepwise.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What workload (q) measures, recorded by the steps themselves: each queued step notes the instant
 * it started and the instant it ended ({@link System#nanoTime}, one JVM), and the harness notes the
 * instant each enqueue returned. From these: the delay between a slot freeing and the next queued
 * step starting, and the most steps that ran at once.
 *
 * <p>The delay: with starts and ends each sorted, the k-th start (k ≥ the concurrency, 0-based)
 * took the slot the (k − concurrency)-th end freed, so its delay is {@code start[k] − end[k −
 * concurrency]}, clamped at 0. A delay counts only if a run was waiting when that slot freed
 * ({@code enqueued[k]} before {@code end[k − concurrency]}); otherwise the step waited for its
 * enqueue, not for the queue.
 */
public final class QueueProbe {
  /** The queue's concurrency limit, in every contestant. */
  public static final int CONCURRENCY = 10;

  /** How long each queued step holds its slot, so that the queue is really full. */
  public static final long HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private static volatile QueueProbe current;

  private final long[] enqueued;
  private final long[] starts;
  private final long[] ends;
  private final AtomicInteger enqueues = new AtomicInteger();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger ended = new AtomicInteger();

  private QueueProbe(int runs) {
    enqueued = new long[runs];
    starts = new long[runs];
    ends = new long[runs];
  }

  /** A fresh probe for {@code runs} runs, the one steps record into from now on. */
  public static QueueProbe begin(int runs) {
    QueueProbe p = new QueueProbe(runs);
    current = p;
    return p;
  }

  /** Builds a probe from recorded instants; for tests. */
  static QueueProbe of(long[] enqueued, long[] starts, long[] ends) {
    QueueProbe p = new QueueProbe(starts.length);
    System.arraycopy(enqueued, 0, p.enqueued, 0, enqueued.length);
    System.arraycopy(starts, 0, p.starts, 0, starts.length);
    System.arraycopy(ends, 0, p.ends, 0, ends.length);
    p.enqueues.set(enqueued.length);
    p.started.set(starts.length);
    p.ended.set(ends.length);
    return p;
  }

  /** The body of every contestant's queued step: holds its slot for {@link #HOLD_NANOS}. */
  public static String step(String input) {
    QueueProbe p = current;
    long start = System.nanoTime();
    record(p.starts, p.started, start);
    long until = start + HOLD_NANOS;
    for (long left = HOLD_NANOS; left > 0; left = until - System.nanoTime()) {
      LockSupport.parkNanos(left); // a sleep, not a spin: ten of them on two cores
    }
    record(p.ends, p.ended, System.nanoTime());
    return Work.queued(input);
  }

  /** A step run more often than there are runs is counted, not recorded. */
  private static void record(long[] instants, AtomicInteger count, long instant) {
    int i = count.getAndIncrement();
    if (i < instants.length) {
      instants[i] = instant;
    }
  }

  /** The harness: an enqueue returned (the run is durably queued). */
  public void enqueued() {
    record(enqueued, enqueues, System.nanoTime());
  }

  /** How many steps started; more than the runs means a step ran twice. */
  public int starts() {
    return started.get();
  }

  private int recorded() {
    return Math.min(starts.length, Math.min(started.get(), ended.get()));
  }

  /** The delays (nanoseconds) of the starts that found a run waiting when their slot freed. */
  public long[] delays() {
    return delays(Long.MIN_VALUE);
  }

  /** When the last enqueue returned. */
  public long lastEnqueue() {
    long last = Long.MIN_VALUE;
    for (int i = 0; i < Math.min(enqueued.length, enqueues.get()); i++) {
      last = Math.max(last, enqueued[i]);
    }
    return last;
  }

  /**
   * {@link #delays()}, of the slots that freed after {@code after} only: once the enqueuing thread
   * is done, the steps no longer share the two cores with it.
   */
  public long[] delays(long after) {
    int n = recorded();
    long[] s = Arrays.copyOf(starts, n);
    long[] e = Arrays.copyOf(ends, n);
    long[] q = Arrays.copyOf(enqueued, Math.min(enqueues.get(), n));
    Arrays.sort(s);
    Arrays.sort(e);
    Arrays.sort(q);
    long[] out = new long[Math.max(0, n - CONCURRENCY)];
    int m = 0;
    for (int k = CONCURRENCY; k < n; k++) {
      long freed = e[k - CONCURRENCY];
      if (k < q.length && q[k] < freed && freed > after) {
        out[m++] = Math.max(0, s[k] - freed);
      }
    }
    return Arrays.copyOf(out, m);
  }

  /** The most steps that were running at the same instant. */
  public int maxRunning() {
    int n = recorded();
    long[] s = Arrays.copyOf(starts, n);
    long[] e = Arrays.copyOf(ends, n);
    Arrays.sort(s);
    Arrays.sort(e);
    int running = 0;
    int max = 0;
    int j = 0;
    for (long start : s) {
      while (j < n && e[j] <= start) { // an end at the same instant freed its slot first
        j++;
        running--;
      }
      running++;
      max = Math.max(max, running);
    }
    return max;
  }
}

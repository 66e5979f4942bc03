package dev.stepwise.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one round of one workload, (a) to (e), (p), (q) or (r), against one contestant and records
 * its figures under that round. Within a round the timed part and the pass that counts commits are
 * separate, because reading the server's commit counter means closing the pool's connections, which
 * would cool down the timed part. Every round begins with its own warm-up, since the contestant was
 * opened just before it (the JIT stays warm from round to round, the pool and the server's backends
 * do not).
 */
final class WorkloadRunner {
  private static final int SEQ_STEPS = 3;
  private static final int FAN_OUT_STEPS = 2 + Work.BRANCHES;
  private static final int APPROVAL_STEPS = 2;

  /** (c)'s rows. */
  static final String FAN_OUT = "(c) fan-out 1→10→join";

  /**
   * (p)'s rows over ten elements: Stepwise's (p) beside the others' (c) of the same rounds ({@link
   * Results#borrow}), the same work for them.
   */
  static final String PARALLEL_TEN = "(p) @Parallel 1→10→join; DBOS, floor: their (c)";

  /** Inputs unique over the whole benchmark, whichever round or contestant runs them. */
  private static final AtomicInteger IDS = new AtomicInteger();

  private final Contestant c;
  private final String database;
  private final Sizes sizes;
  private final Results results;
  private final PgCommits pg; // null on H2: the client's count is the only one
  private final int round;

  WorkloadRunner(
      Contestant c, String database, Sizes sizes, Results results, PgCommits pg, int round) {
    this.c = c;
    this.database = database;
    this.sizes = sizes;
    this.results = results;
    this.pg = pg;
    this.round = round;
  }

  /**
   * One round of workload {@code w} (a letter: a to e, p, q or r); (e) needs {@link #seed} first.
   */
  void run(char w) {
    switch (w) {
      case 'a' -> sequentialLatency();
      case 'b' -> sequentialBatch(batchName());
      case 'c' -> fanOut();
      case 'p' -> {
        if (c.hasParallel()) {
          parallel();
        } else {
          log("(p) skipped: no dynamic fan-out");
        }
      }
      case 'd' -> suspendResume();
      case 'e' -> {
        String e = seededName();
        sequentialBatch(e);
        Double b = results.get(database, batchName(), "workflows/s", c.name(), round);
        Double ew = results.get(database, e, "workflows/s", c.name(), round);
        if (b != null && ew != null) {
          put(e, "(e)/(b)", ew / b);
        }
      }
      case 'q' -> {
        if (c.hasQueue()) {
          queued();
        } else {
          log("(q) skipped: no queue");
        }
      }
      case 'r' -> {
        if (!c.hasRetention()) {
          log("(r) skipped: no retention");
        } else if (pg == null) {
          // Its engine restarts on one shared H2 pool broke the file's channel in the one full
          // run (H2 closes it when a thread doing I/O is interrupted); see docs/performance.md.
          log("(r) skipped on H2");
        } else {
          retention();
        }
      }
      default -> throw new IllegalArgumentException("unknown workload " + w);
    }
  }

  /** Before (e)'s rounds: adds the finished runs to this contestant's tables (bulk SQL). */
  void seed() {
    log("seeding " + sizes.seeded() + " finished runs");
    long t = System.nanoTime();
    c.seedFinishedRuns(sizes.seeded());
    log(String.format("seeded in %.1f s", (System.nanoTime() - t) / 1e9));
  }

  private String seededName() {
    return String.format("(e) (b) after %,d finished runs", sizes.seeded());
  }

  /**
   * (r): (b) beside {@code seeded} runs that finished 30 days ago, on the engine as it is (keeping
   * them) and on the engine restarted with a retention of 7 days, whose sweeper deletes them
   * meanwhile. The two alternate, a warm-up batch and a timed batch each per round, so that a
   * machine whose load drifts during the run slows both alike.
   */
  private void retention() {
    log(String.format("seeding %,d runs finished 30 days ago", sizes.seeded()));
    long t = System.nanoTime();
    c.seedOldRuns(sizes.seeded(), Duration.ofDays(30));
    if (pg != null) {
      pg.vacuumAnalyze();
    }
    log(String.format("seeded in %.1f s", (System.nanoTime() - t) / 1e9));
    String kept = String.format("(r) (b) beside %,d runs 30 days old, kept", sizes.seeded());
    String deleting = "(r) (b) while retention (7 days) deletes them";
    log(kept + " / " + deleting);
    List<Double> keptRate = new ArrayList<>();
    List<Double> deletingRate = new ArrayList<>();
    long deleted = 0;
    double deletingSeconds = 0;
    for (int i = 0; i < sizes.rounds(); i++) {
      c.retention(null);
      keptRate.add(timedBatch());
      c.retention(Duration.ofDays(7)); // its sweeper's first round comes as it starts
      long before = c.oldRuns();
      long t0 = System.nanoTime();
      deletingRate.add(timedBatch());
      deletingSeconds += (System.nanoTime() - t0) / 1e9;
      deleted += before - c.oldRuns();
    }
    c.retention(null); // the runs left stay, and no sweeper runs in what follows
    put(kept, "workflows/s", Stats.median(keptRate));
    put(deleting, "workflows/s", Stats.median(deletingRate));
    put(deleting, "old runs deleted while measured", deleted);
    put(deleting, "old runs deleted per second", deleted / deletingSeconds);
    put(
        deleting,
        "workflows/s while deleting / kept",
        Stats.median(deletingRate) / Stats.median(keptRate));
  }

  /** A warm-up batch of (b), then a timed one; its workflows per second. */
  private double timedBatch() {
    runBatch(sizes.batch());
    long t = System.nanoTime();
    runBatch(sizes.batch());
    return sizes.batch() / ((System.nanoTime() - t) / 1e9);
  }

  /**
   * (q): runs of one step through a queue of concurrency {@link QueueProbe#CONCURRENCY}, all
   * enqueued at once from one thread, then awaited; measured once, since DBOS starts a queue's
   * workflows when it polls (about once a second). Commits and statements are counted over the
   * measured pass itself.
   */
  private void queued() {
    String w =
        String.format(
            "(q) queue of %d, %,d runs of %d ms",
            QueueProbe.CONCURRENCY, sizes.queued(), QueueProbe.HOLD_NANOS / 1_000_000);
    log(w + ": " + c.queueSettings());
    runQueued(sizes.queuedWarmup());
    long commits0 = commits();
    long statements0 = c.dataSource().statements();
    long clientCommits0 = c.dataSource().commits();
    Cpu cpu = new Cpu();
    long t = System.nanoTime();
    QueueProbe probe = runQueued(sizes.queued());
    double seconds = (System.nanoTime() - t) / 1e9;
    cpu.record(w, sizes.queued());
    recordCounts(w, sizes.queued(), commits0, statements0, clientCommits0);
    put(w, "runs/s", sizes.queued() / seconds);
    long[] delays = probe.delays();
    if (delays.length > 0) {
      put(w, "slot freed → next step started p50, ms", Stats.percentile(delays, 50) / 1e6);
      put(w, "slot freed → next step started p99, ms", Stats.percentile(delays, 99) / 1e6);
    }
    put(w, "delays measured (a run was waiting)", delays.length);
    long[] later = probe.delays(probe.lastEnqueue());
    if (later.length > 0) {
      put(w, "the same after the last enqueue, p50, ms", Stats.percentile(later, 50) / 1e6);
      put(w, "the same after the last enqueue, p99, ms", Stats.percentile(later, 99) / 1e6);
    }
    put(w, "delays measured after the last enqueue", later.length);
    put(w, "most steps running at once", probe.maxRunning());
  }

  private QueueProbe runQueued(int n) {
    List<String> inputs = inputs(n);
    QueueProbe probe = QueueProbe.begin(n);
    List<String> outs = c.runQueued(inputs, probe);
    for (int i = 0; i < n; i++) {
      expect(Work.queued(inputs.get(i)), outs.get(i));
    }
    if (probe.starts() != n) {
      throw new IllegalStateException(
          c.name() + ": " + probe.starts() + " steps for " + n + " runs");
    }
    return probe;
  }

  /** (a): one 3-step workflow at a time. */
  private void sequentialLatency() {
    String w = "(a) one at a time";
    log(w);
    for (int i = 0; i < sizes.sequentialWarmup(); i++) {
      checked(next(), Work::expectedSequential, c::runSequential);
    }
    Cpu cpu = new Cpu();
    long[] micros = new long[sizes.sequentialRuns()];
    for (int i = 0; i < micros.length; i++) {
      String in = next();
      long t = System.nanoTime();
      String out = c.runSequential(in);
      micros[i] = (System.nanoTime() - t) / 1_000;
      expect(Work.expectedSequential(in), out);
    }
    Cpu.Reading cpuUsed = cpu.read();
    put(w, "p50 latency, ms", Stats.percentile(micros, 50) / 1_000);
    put(w, "p99 latency, ms", Stats.percentile(micros, 99) / 1_000);
    cpuUsed.record(w, sizes.sequentialRuns());
    counted(
        w,
        sizes.sequentialRuns() * SEQ_STEPS,
        () -> {
          for (int i = 0; i < sizes.sequentialRuns(); i++) {
            checked(next(), Work::expectedSequential, c::runSequential);
          }
        });
  }

  /** (b) and (e): a batch of sequential workflows started at once. */
  private String batchName() {
    return String.format("(b) %,d at once", sizes.batch());
  }

  private void sequentialBatch(String w) {
    log(w);
    runBatch(sizes.batch()); // warm-up: one whole batch, so the batch path is compiled
    Cpu cpu = new Cpu();
    long t = System.nanoTime();
    runBatch(sizes.batch());
    double rate = sizes.batch() / ((System.nanoTime() - t) / 1e9);
    Cpu.Reading cpuUsed = cpu.read();
    put(w, "workflows/s", rate);
    cpuUsed.record(w, sizes.batch());
    counted(w, sizes.batch() * SEQ_STEPS, () -> runBatch(sizes.batch()));
  }

  private void runBatch(int n) {
    List<String> inputs = inputs(n);
    List<String> outs = c.runSequentialBatch(inputs);
    for (int i = 0; i < n; i++) {
      expect(Work.expectedSequential(inputs.get(i)), outs.get(i));
    }
  }

  /** (c): 1 -> 10 -> join, one at a time and from several client threads. */
  private void fanOut() {
    fanOut(FAN_OUT, Work::expectedFanOut, c::runFanOut);
  }

  /**
   * (p): (c)'s measurements of a dynamic fan-out over ten elements (list, ten elements, join: as
   * many steps as (c)), then the growth of one fan-out's cost per element with its size.
   */
  private void parallel() {
    fanOut(
        PARALLEL_TEN,
        in -> ParallelWork.expected(in, Work.BRANCHES),
        in -> c.runParallel(in, Work.BRANCHES));
    ParallelGrowth.measure(
        c.dataSource(),
        ParallelGrowth.sizes(sizes),
        n -> {
          String in = next();
          expect(ParallelWork.expected(in, n), c.runParallel(in, n));
        },
        this::put,
        this::log);
  }

  private void fanOut(String w, Function<String, String> expected, Function<String, String> run) {
    log(w);
    for (int i = 0; i < Math.max(1, sizes.fanOutRuns() / 5); i++) {
      checked(next(), expected, run);
    }
    long[] micros = new long[sizes.fanOutRuns()];
    for (int i = 0; i < micros.length; i++) {
      String in = next();
      long t = System.nanoTime();
      String out = run.apply(in);
      micros[i] = (System.nanoTime() - t) / 1_000;
      expect(expected.apply(in), out);
    }
    long t = System.nanoTime();
    concurrently(sizes.fanOutClients(), sizes.fanOutConcurrentRuns(), expected, run);
    double rate = sizes.fanOutConcurrentRuns() / ((System.nanoTime() - t) / 1e9);
    put(w, "p50 latency, ms", Stats.percentile(micros, 50) / 1_000);
    put(w, "workflows/s, " + sizes.fanOutClients() + " clients", rate);
    counted(
        w,
        sizes.fanOutConcurrentRuns() * FAN_OUT_STEPS,
        () -> concurrently(sizes.fanOutClients(), sizes.fanOutConcurrentRuns(), expected, run));
  }

  private void concurrently(
      int clients, int runs, Function<String, String> expected, Function<String, String> run) {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        futures.add(pool.submit(() -> checked(next(), expected, run)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(c.name() + ": fan-out failed", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** (d): runs suspend; heap held meanwhile; then all are resumed. */
  private void suspendResume() {
    String w = "(d) " + String.format("%,d", sizes.suspended()) + " suspended, resumed";
    log(w);
    // A small warm-up of the whole path, so the measured heap holds no first-use class loading.
    c.suspendAll(inputs(Math.min(20, sizes.suspended())));
    c.resumeAll("warm");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedHeapAfterGc(memory);
    List<String> inputs = inputs(sizes.suspended());
    long commits0 = commits();
    long statements0 = c.dataSource().statements();
    long clientCommits0 = c.dataSource().commits();
    c.suspendAll(inputs);
    long held = usedHeapAfterGc(memory) - before;
    long t = System.nanoTime();
    List<String> outs = c.resumeAll("yes");
    double seconds = (System.nanoTime() - t) / 1e9;
    long steps = (long) sizes.suspended() * APPROVAL_STEPS;
    recordCounts(w, steps, commits0, statements0, clientCommits0);
    for (int i = 0; i < inputs.size(); i++) {
      expect(Work.expectedApproval(inputs.get(i), "yes"), outs.get(i));
    }
    put(w, "heap held per suspended run, bytes", Math.max(0, held) / (double) sizes.suspended());
    put(w, "resumed workflows/s", sizes.suspended() / seconds);
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Runs {@code work} once more, counting commits and statements per step. */
  private void counted(String w, long steps, Runnable work) {
    long commits0 = commits();
    long statements0 = c.dataSource().statements();
    long clientCommits0 = c.dataSource().commits();
    work.run();
    recordCounts(w, steps, commits0, statements0, clientCommits0);
  }

  private void recordCounts(
      String w, long steps, long commits0, long statements0, long clientCommits0) {
    long clientCommits = c.dataSource().commits() - clientCommits0;
    long statements = c.dataSource().statements() - statements0;
    if (pg != null) {
      put(w, "commits/step (pg_stat_database)", (commits() - commits0) / (double) steps);
    } else {
      put(w, "commits/step (client count)", clientCommits / (double) steps);
    }
    put(w, "statements/step", statements / (double) steps);
  }

  /** Client (this JVM, engine included) and server CPU per workflow over a timed section. */
  private final class Cpu {
    private final long client0 = clientCpuNanos();
    private final long server0 = pg != null ? pg.serverCpuMillis() : -1;

    /** The CPU used since this section began, to record once the section's figures are. */
    Reading read() {
      long client = clientCpuNanos() - client0;
      long server = server0 >= 0 ? pg.serverCpuMillis() : -1;
      return new Reading(client, server >= 0 ? server - server0 : -1);
    }

    void record(String w, long workflows) {
      read().record(w, workflows);
    }

    private final class Reading {
      private final long clientNanos;
      private final long serverMillis; // -1: unknown

      Reading(long clientNanos, long serverMillis) {
        this.clientNanos = clientNanos;
        this.serverMillis = serverMillis;
      }

      void record(String w, long workflows) {
        put(w, "client CPU per workflow, ms", clientNanos / 1e6 / workflows);
        if (serverMillis >= 0) {
          put(w, "server CPU per workflow, ms", serverMillis / (double) workflows);
        }
      }
    }
  }

  private static long clientCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private long commits() {
    return pg != null ? pg.read(c.dataSource()) : c.dataSource().commits();
  }

  private void put(String workload, String metric, double value) {
    results.put(database, workload, metric, c.name(), round, value);
    log(String.format("  %-40s %s", metric, Results.format(value)));
  }

  private void checked(String in, Function<String, String> expected, Function<String, String> run) {
    expect(expected.apply(in), run.apply(in));
  }

  private void expect(String expected, String actual) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(
          c.name() + " returned " + actual + " where " + expected + " was due");
    }
  }

  private String next() {
    return "r" + IDS.incrementAndGet();
  }

  private List<String> inputs(int n) {
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(next());
    }
    return list;
  }

  private void log(String message) {
    System.out.println("[" + database + " " + c.name() + " round " + (round + 1) + "] " + message);
  }
}

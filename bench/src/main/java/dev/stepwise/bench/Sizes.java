package dev.stepwise.bench;

/**
 * How much work each workload does, per mode.
 *
 * @param rounds rounds per workload, each contestant running it once per round; the median is
 *     reported
 * @param sequentialWarmup runs of (a) before measuring, to warm up the JIT and the pools
 * @param sequentialRuns runs of (a) per round, one at a time
 * @param batch workflows started at once in (b) and (e)
 * @param fanOutRuns fan-out runs per round, one at a time, in (c)
 * @param fanOutClients client threads running fan-outs back to back for (c)'s throughput
 * @param fanOutConcurrentRuns fan-out runs per round shared by those clients
 * @param suspended runs that suspend and are resumed in (d)
 * @param seeded finished runs put in the tables before (e)
 * @param queuedWarmup runs through the queue of (q) before measuring
 * @param queued runs through the queue of (q), measured once (DBOS starts about ten a second)
 */
public record Sizes(
    String mode,
    int rounds,
    int sequentialWarmup,
    int sequentialRuns,
    int batch,
    int fanOutRuns,
    int fanOutClients,
    int fanOutConcurrentRuns,
    int suspended,
    int seeded,
    int queuedWarmup,
    int queued) {

  /** Tiny counts: proves the harness works, in seconds; its figures mean nothing. */
  public static Sizes smoke() {
    return new Sizes("smoke", 1, 5, 10, 20, 3, 4, 8, 10, 1_000, 10, 50);
  }

  /** The counts the issue asks for; the figures in docs/performance.md. */
  public static Sizes full() {
    // 2,000 warm-up runs of (a): with 300, the JIT was still compiling during the measured rounds
    // (Stepwise's client CPU per workflow 1.75 ms, 0.52 ms once warm).
    return new Sizes("full", 3, 2_000, 500, 1_000, 100, 8, 200, 10_000, 1_000_000, 200, 1_000);
  }

  /** These sizes with {@code n} rounds per workload. */
  public Sizes withRounds(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("rounds " + n);
    }
    return new Sizes(
        mode,
        n,
        sequentialWarmup,
        sequentialRuns,
        batch,
        fanOutRuns,
        fanOutClients,
        fanOutConcurrentRuns,
        suspended,
        seeded,
        queuedWarmup,
        queued);
  }

  /** These sizes with {@code n} runs of (a) and (b) in one round, for profiling. */
  public Sizes withRuns(int n, int warmup) {
    return new Sizes(
        mode + "-runs-" + n,
        1,
        warmup,
        n,
        n,
        fanOutRuns,
        fanOutClients,
        fanOutConcurrentRuns,
        suspended,
        seeded,
        queuedWarmup,
        queued);
  }
}

package dev.stepwise.bench.nodes;

import dev.stepwise.bench.CountingDataSource;
import dev.stepwise.bench.PgCommits;
import dev.stepwise.bench.ProcStat;
import dev.stepwise.bench.Results;
import dev.stepwise.bench.Rotation;
import dev.stepwise.runtime.Stepwise;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Workload (n): (b)'s batch of sequential runs started at once, then awaited, shared out over 1, 2
 * and 4 Stepwise nodes, each a JVM of its own ({@link NodeMain}) with its own pool, on one
 * PostgreSQL schema. Each node starts its share and awaits it; which node runs a step is the
 * engine's business (a run's first step on the node that started it if it has a free worker,
 * otherwise whichever node claims it first, then its successors where it ran). Throughput is the
 * whole batch over the harness's time from sending the batch to the last node's answer.
 *
 * <p>The node counts take turns round by round ({@link Rotation}: 1 2 4, 2 4 1, 4 1 2), so a drift
 * of the machine hits all alike. Each turn starts fresh JVMs (an idle node would claim the others'
 * work), warms them up with batches of the same shape, then times {@code timedBatches} batches
 * (client CPU, server CPU, the whole machine's CPU, and the nodes' own counts of statements and
 * claims), then runs one more batch while sampling {@code pg_stat_activity} ({@link WaitSampler}),
 * to tell waiting for cores from waiting for locks.
 */
public final class SeveralNodes {
  /**
   * How big each part is.
   *
   * @param counts the node counts, 1 first: the ratios are against it
   * @param batch runs per batch, over all nodes
   * @param warmupPerNode runs each node runs before the timed part, in whole batches
   * @param timedBatches batches timed per turn
   * @param rounds turns per node count
   */
  public record Sizes(
      List<Integer> counts, int batch, int warmupPerNode, int timedBatches, int rounds) {
    /** Seconds in all: proves the nodes start, share work and stop; the figures mean nothing. */
    public static Sizes smoke() {
      return new Sizes(List.of(1, 2), 20, 20, 1, 1);
    }

    /**
     * (b)'s 1,000 at once; 3,000 warm-up runs per node, since every turn's JVMs start cold (the
     * single-JVM (b) runs after (a)'s 2,000); three timed batches a turn, as one lasts under a
     * second.
     */
    public static Sizes full(int rounds) {
      return new Sizes(List.of(1, 2, 4), 1_000, 3_000, 3, rounds);
    }

    int warmupBatches(int nodes) {
      return (int) Math.ceil(warmupPerNode * (double) nodes / batch);
    }
  }

  /** Where the nodes' figures are recorded, as their own table. */
  public static final String DATABASE = "PostgreSQL, several Stepwise nodes";

  private static final int STEPS = 3;
  private static final long SAMPLE_MILLIS = 10;

  private final String url;
  private final String user;
  private final String schema;
  private final int pool;
  private final Sizes sizes;
  private final Results results;
  private final PgCommits pg;

  public SeveralNodes(
      String url,
      String user,
      String schema,
      int pool,
      Sizes sizes,
      Results results,
      PgCommits pg) {
    this.url = url;
    this.user = user;
    this.schema = schema;
    this.pool = pool;
    this.sizes = sizes;
    this.results = results;
    this.pg = pg;
  }

  /** The table's columns: one per node count. */
  public static String column(int nodes) {
    return nodes == 1 ? "1 node" : nodes + " nodes";
  }

  /** Every round of every node count; {@code schema} must exist and be empty. */
  public void run() {
    migrate();
    for (int round = 0; round < sizes.rounds(); round++) {
      for (int nodes : Rotation.order(sizes.counts(), round)) {
        turn(nodes, round);
      }
    }
  }

  /** Once, before any node starts, so that no two nodes migrate the empty schema at once. */
  private void migrate() {
    try (CountingDataSource ds =
        CountingDataSource.create("nodes-migrate", url, user, "", 2, schema)) {
      Stepwise.builder().dataSource(ds).build().close();
    }
  }

  private void turn(int nodes, int round) {
    String w = String.format(Locale.ROOT, "(n) (b) %,d at once over the nodes", sizes.batch());
    String tag = "[" + DATABASE + " " + column(nodes) + " round " + (round + 1) + "] ";
    long t = System.nanoTime();
    List<String> jvm =
        List.of(
            "-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    List<String> args =
        List.of("--pg=" + url, "--user=" + user, "--schema=" + schema, "--pool=" + pool);
    try (Cluster cluster = Cluster.start(nodes, "bench-node-r" + (round + 1) + "-", jvm, args)) {
      System.out.printf(
          "%s%d JVMs started in %d ms%n", tag, nodes, (System.nanoTime() - t) / 1_000_000);
      int warmups = sizes.warmupBatches(nodes);
      for (int i = 0; i < warmups; i++) {
        cluster.batch(sizes.batch());
      }
      timed(cluster, w, nodes, round, tag);
      sampled(cluster, w, nodes, round, tag);
    }
  }

  private void timed(Cluster cluster, String w, int nodes, int round, String tag) {
    NodeReport before = cluster.report();
    long server0 = pg.serverCpuMillis();
    long[] machine0 = ProcStat.machineTicks();
    long t0 = System.nanoTime();
    for (int i = 0; i < sizes.timedBatches(); i++) {
      cluster.batch(sizes.batch());
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long[] machine1 = ProcStat.machineTicks();
    long server = pg.serverCpuMillis() - server0;
    NodeReport d = cluster.report().minus(before);
    long runs = (long) sizes.batch() * sizes.timedBatches();
    put(w, nodes, round, tag, "workflows/s", runs / seconds);
    put(w, nodes, round, tag, "client CPU per workflow, ms (all nodes)", d.cpuNanos() / 1e6 / runs);
    put(w, nodes, round, tag, "server CPU per workflow, ms", server / (double) runs);
    put(
        w,
        nodes,
        round,
        tag,
        "client + server CPU per workflow, ms",
        (d.cpuNanos() / 1e6 + server) / runs);
    if (machine0 != null && machine1 != null) {
      int cores = Runtime.getRuntime().availableProcessors();
      double busy = (machine1[0] - machine0[0]) / (double) (machine1[1] - machine0[1]);
      put(
          w,
          nodes,
          round,
          tag,
          "machine CPU busy (all processes), % of " + cores + " cores",
          100 * busy);
    }
    put(w, nodes, round, tag, "statements/step", d.statements() / (double) (runs * STEPS));
    put(w, nodes, round, tag, "claims per workflow", d.claims() / (double) runs);
    put(
        w,
        nodes,
        round,
        tag,
        "claims that returned nothing, % of claims",
        d.claims() == 0 ? 0 : 100.0 * d.emptyClaims() / d.claims());
    put(
        w,
        nodes,
        round,
        tag,
        "steps taken by a claim (not handed over), %",
        100.0 * d.claimed() / (runs * STEPS));
    put(
        w,
        nodes,
        round,
        tag,
        "claim latency mean, ms",
        d.claims() == 0 ? 0 : d.claimNanos() / 1e6 / d.claims());
    if (d.finished() != runs) {
      throw new IllegalStateException(d.finished() + " runs finished by the nodes for " + runs);
    }
  }

  private void sampled(Cluster cluster, String w, int nodes, int round, String tag) {
    WaitTally tally;
    try (WaitSampler sampler = new WaitSampler(url, user, SAMPLE_MILLIS)) {
      cluster.batch(sizes.batch());
      tally = sampler.stop();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot sample pg_stat_activity", e);
    }
    String s = "sampled pass: ";
    put(w, nodes, round, tag, s + "busy backends per sample", tally.busyPerSample());
    put(
        w,
        nodes,
        round,
        tag,
        s + "backends on CPU (no wait event), %",
        100 * tally.share(WaitTally.ON_CPU));
    put(w, nodes, round, tag, s + "backends waiting for a Lock, %", 100 * tally.share("Lock"));
    put(w, nodes, round, tag, s + "backends waiting for an LWLock, %", 100 * tally.share("LWLock"));
    put(w, nodes, round, tag, s + "backends waiting for IO, %", 100 * tally.share("IO"));
    put(
        w,
        nodes,
        round,
        tag,
        s + "backends idle in a transaction, %",
        100 * tally.share(WaitTally.IDLE_IN_TRANSACTION));
    System.out.println(tag + "  " + tally.samples() + " samples; most frequent: " + tally.top(8));
  }

  private void put(String w, int nodes, int round, String tag, String metric, double value) {
    results.put(DATABASE, w, metric, column(nodes), round, value);
    System.out.printf("%s  %-50s %s%n", tag, metric, Results.format(value));
  }
}

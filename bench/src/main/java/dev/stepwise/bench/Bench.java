package dev.stepwise.bench;

import dev.stepwise.bench.dbos.DbosContestant;
import dev.stepwise.bench.floor.FloorContestant;
import dev.stepwise.bench.nodes.SeveralNodes;
import dev.stepwise.bench.stepwise.StepwiseContestant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark: Stepwise, DBOS Transact and the plain-JDBC floor on the same PostgreSQL, then
 * Stepwise and the floor on embedded H2, their rounds interleaved ({@link Interleaved}); prints one
 * table and writes it to a Markdown file.
 *
 * <p>Arguments: {@code --mode=smoke|full}, {@code --pg=<jdbc url>} (a database of its own, created
 * if missing, so that {@code pg_stat_database} counts only the benchmark), {@code --user=}, {@code
 * --out=<file>}, {@code --only=Stepwise,DBOS,floor}, {@code --workloads=abcpdeqr} (a subset),
 * {@code --no-h2}, {@code --no-pg} (H2 only, for profiling), {@code --queue-workers=N} (workers of
 * Stepwise's engine for (q); 10 by default), {@code --parallel-sizes=100,1000,3000} (the sizes of
 * (p)'s one fan-out; 100 and 1,000 in full mode), {@code --rounds=N} (rounds per workload, each
 * contestant once per round; 3 in full mode, 1 in smoke mode). Workload (n), Stepwise on 1, 2 and 4
 * nodes ({@link SeveralNodes}), runs only when asked for ({@code --workloads=n}) in full mode, and
 * in a tiny version in smoke mode's default set.
 */
public final class Bench {
  /** Connections (and, for the floor, threads) per contestant; see docs/performance.md. */
  static final int STEPWISE_POOL = 12;

  static final int DBOS_POOL = 10;

  /** The schema the nodes of (n) share. */
  private static final String NODES_SCHEMA = "stepwise_nodes";

  static final int FLOOR_THREADS = 16;

  /** Workers of Stepwise's (q) engine: as many as the queue has slots, unless --queue-workers. */
  private static int queueWorkers = QueueProbe.CONCURRENCY;

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    Sizes sizes = "full".equals(opts.getOrDefault("mode", "smoke")) ? Sizes.full() : Sizes.smoke();
    if (opts.containsKey("runs")) { // for profiling: more runs of (a) and (b), one round
      int n = Integer.parseInt(opts.get("runs"));
      sizes = sizes.withRuns(n, Integer.parseInt(opts.getOrDefault("warmup", "300")));
    }
    if (opts.containsKey("rounds")) {
      sizes = sizes.withRounds(Integer.parseInt(opts.get("rounds")));
    }
    queueWorkers =
        Integer.parseInt(
            opts.getOrDefault("queue-workers", String.valueOf(QueueProbe.CONCURRENCY)));
    if (opts.containsKey("parallel-sizes")) {
      ParallelGrowth.use(ParallelGrowth.parse(opts.get("parallel-sizes")));
    }
    String pgUrl = opts.getOrDefault("pg", "jdbc:postgresql://127.0.0.1:5432/stepwise_bench");
    String user = opts.getOrDefault("user", "postgres");
    List<String> only = List.of(opts.getOrDefault("only", "Stepwise,DBOS,floor").split(","));
    // (n) starts a JVM per node per turn: in smoke mode's default set only in its tiny version.
    String workloads =
        opts.getOrDefault("workloads", sizes.mode().equals("smoke") ? "abcpdeqrn" : "abcpdeqr");
    Path out = Path.of(opts.getOrDefault("out", "target/bench-" + sizes.mode() + ".md"));

    Results results = new Results();
    Results nodeResults =
        new Results(
            List.of(SeveralNodes.column(1), SeveralNodes.column(2), SeveralNodes.column(4)),
            List.of(
                new Results.Ratio(SeveralNodes.column(2), SeveralNodes.column(1)),
                new Results.Ratio(SeveralNodes.column(4), SeveralNodes.column(1))));
    Instant started = Instant.now();
    createDatabaseIfMissing(pgUrl, user);
    PgCommits pg = new PgCommits(pgUrl, user);
    if (!opts.containsKey("no-pg")) {
      for (String name : only) {
        freshSchema(pgUrl, user, schemaOf(name)); // each run starts from empty tables
      }
      boolean queue = workloads.contains("q");
      new Interleaved(
              "PostgreSQL", only, name -> postgres(name, pgUrl, user, queue), sizes, results, pg)
          .run(workloads);
      for (String name : only) {
        // So that autovacuum is not left with their million seeded runs, H2's turn next.
        pg.dropSchema(schemaOf(name));
      }
      if (workloads.contains("n") && only.contains("Stepwise")) {
        // A schema of its own, empty, so that (n) is (b) on the tables (b) had, not (e)'s.
        freshSchema(pgUrl, user, NODES_SCHEMA);
        SeveralNodes.Sizes nodeSizes =
            sizes.mode().equals("smoke")
                ? SeveralNodes.Sizes.smoke()
                : SeveralNodes.Sizes.full(sizes.rounds());
        new SeveralNodes(pgUrl, user, NODES_SCHEMA, STEPWISE_POOL, nodeSizes, nodeResults, pg)
            .run();
        pg.dropSchema(NODES_SCHEMA);
      }
    }
    if (!opts.containsKey("no-h2")) {
      Path dir = Path.of("target", "bench-h2").toAbsolutePath();
      deleteRecursively(dir);
      List<String> h2 = only.stream().filter(n -> !n.equals("DBOS")).toList(); // DBOS: PG only
      new Interleaved("H2", h2, name -> h2(name, dir), sizes, results, null).run(workloads);
    }
    String report = report(sizes, pgUrl, started, results) + nodeResults.toMarkdown();
    System.out.println(report);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report);
    System.out.println("written to " + out.toAbsolutePath());
  }

  /** Opens a contestant on its schema, which {@link #freshSchema} emptied before the first. */
  private static Contestant postgres(String name, String url, String user, boolean queue) {
    switch (name) {
      case "Stepwise":
        return new StepwiseContestant(
            CountingDataSource.create("stepwise", url, user, "", STEPWISE_POOL, "stepwise"),
            queueWorkers);
      case "DBOS":
        return new DbosContestant(
            CountingDataSource.create("dbos", url, user, "", DBOS_POOL, null), url, user, queue);
      case "floor":
        return new FloorContestant(
            CountingDataSource.create(
                "floor", url, user, "", FLOOR_THREADS, FloorContestant.schema()),
            FLOOR_THREADS);
      default:
        throw new IllegalArgumentException("unknown contestant " + name + " on PostgreSQL");
    }
  }

  /** The schema a contestant keeps its tables in on PostgreSQL. */
  private static String schemaOf(String name) {
    switch (name) {
      case "Stepwise":
        return "stepwise";
      case "DBOS":
        return "dbos";
      case "floor":
        return FloorContestant.schema();
      default:
        throw new IllegalArgumentException("unknown contestant " + name);
    }
  }

  /**
   * Both contestants on H2 files with the settings the engine gives its own: WRITE_DELAY=0 puts
   * each commit in the file before it returns, RETENTION_TIME=0 keeps the file from growing with
   * every commit. Without them the floor's commits only reached memory (H2 writes in the background
   * up to its write delay later), which made it no durable floor for Stepwise, whose engine sets
   * them on connecting.
   */
  static final String H2_DURABLE = ";LOCK_TIMEOUT=10000;WRITE_DELAY=0;RETENTION_TIME=0";

  private static Contestant h2(String name, Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve(name.toLowerCase(Locale.ROOT)) + H2_DURABLE;
    switch (name) {
      case "Stepwise":
        return new StepwiseContestant(
            CountingDataSource.create("stepwise-h2", url, "sa", "", STEPWISE_POOL, null),
            queueWorkers);
      case "floor":
        return new FloorContestant(
            CountingDataSource.create("floor-h2", url, "sa", "", FLOOR_THREADS, null),
            FLOOR_THREADS);
      default:
        throw new IllegalArgumentException("unknown contestant " + name + " on H2");
    }
  }

  private static String report(Sizes sizes, String pgUrl, Instant started, Results results) {
    Runtime rt = Runtime.getRuntime();
    return "## Results ("
        + sizes.mode()
        + " mode)\n\n"
        + "Run "
        + started
        + " on "
        + rt.availableProcessors()
        + " processors, Java "
        + System.getProperty("java.version")
        + ", max heap "
        + rt.maxMemory() / (1024 * 1024)
        + " MiB, PostgreSQL at "
        + pgUrl
        + ". "
        + sizes
        + "\n"
        + results.toMarkdown();
  }

  static void createDatabaseIfMissing(String url, String user) throws SQLException {
    int slash = url.lastIndexOf('/');
    String name = url.substring(slash + 1).split("\\?")[0];
    try (Connection c = DriverManager.getConnection(url, user, "")) {
      c.isValid(1); // exists
      return;
    } catch (SQLException e) {
      if (!"3D000".equals(e.getSQLState())) { // anything but "database does not exist"
        throw e;
      }
    }
    try (Connection c =
            DriverManager.getConnection(url.substring(0, slash) + "/postgres", user, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
  }

  /** Drops and recreates {@code schema}, empty (DBOS creates and migrates its own at launch). */
  private static void freshSchema(String url, String user, String schema) {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      if (!schema.equals("dbos")) {
        s.execute("CREATE SCHEMA " + schema);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create schema " + schema, e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> paths = new ArrayList<>();
    try (var walk = Files.walk(dir)) {
      walk.forEach(paths::add);
    }
    for (int i = paths.size() - 1; i >= 0; i--) {
      Files.delete(paths.get(i));
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new TreeMap<>();
    // Maven passes -Dbench.args as one argument: split it here.
    for (String a : String.join(" ", args).trim().split("\\s+")) {
      if (a.isEmpty()) {
        continue; // an unset -Dbench.args
      }
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unknown argument " + a);
      }
      int eq = a.indexOf('=');
      opts.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "" : a.substring(eq + 1));
    }
    return opts;
  }
}

package dev.stepwise.bench;

import dev.stepwise.bench.dbos.DbosContestant;
import dev.stepwise.bench.floor.FloorContestant;
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
import java.util.function.Function;

/**
 * The benchmark: Stepwise, DBOS Transact and the plain-JDBC floor on the same PostgreSQL, then
 * Stepwise and the floor on embedded H2; prints one table and writes it to a Markdown file.
 *
 * <p>Arguments: {@code --mode=smoke|full}, {@code --pg=<jdbc url>} (a database of its own, created
 * if missing, so that {@code pg_stat_database} counts only the benchmark), {@code --user=}, {@code
 * --out=<file>}, {@code --only=Stepwise,DBOS,floor}, {@code --workloads=abcdeqr} (a subset), {@code
 * --no-h2}, {@code --no-pg} (H2 only, for profiling), {@code --queue-workers=N} (workers of
 * Stepwise's engine for (q); 10 by default).
 */
public final class Bench {
  /** Connections (and, for the floor, threads) per contestant; see docs/performance.md. */
  static final int STEPWISE_POOL = 12;

  static final int DBOS_POOL = 10;
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
    queueWorkers =
        Integer.parseInt(
            opts.getOrDefault("queue-workers", String.valueOf(QueueProbe.CONCURRENCY)));
    String pgUrl = opts.getOrDefault("pg", "jdbc:postgresql://127.0.0.1:5432/stepwise_bench");
    String user = opts.getOrDefault("user", "postgres");
    List<String> only = List.of(opts.getOrDefault("only", "Stepwise,DBOS,floor").split(","));
    String workloads = opts.getOrDefault("workloads", "abcdeqr");
    Path out = Path.of(opts.getOrDefault("out", "target/bench-" + sizes.mode() + ".md"));

    Results results = new Results();
    Instant started = Instant.now();
    createDatabaseIfMissing(pgUrl, user);
    PgCommits pg = new PgCommits(pgUrl, user);
    for (String name : opts.containsKey("no-pg") ? List.<String>of() : only) {
      runOne(
          name,
          "PostgreSQL",
          sizes,
          results,
          pg,
          workloads,
          db -> postgres(name, pgUrl, user, db, workloads.contains("q")));
      pg.dropSchema(schemaOf(name));
    }
    if (!opts.containsKey("no-h2")) {
      Path dir = Path.of("target", "bench-h2").toAbsolutePath();
      deleteRecursively(dir);
      for (String name : only) {
        if (!name.equals("DBOS")) { // DBOS runs on PostgreSQL only
          runOne(name, "H2", sizes, results, null, workloads, db -> h2(name, dir, db));
        }
      }
    }
    String report = report(sizes, pgUrl, started, results);
    System.out.println(report);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report);
    System.out.println("written to " + out.toAbsolutePath());
  }

  private static void runOne(
      String name,
      String database,
      Sizes sizes,
      Results results,
      PgCommits pg,
      String workloads,
      Function<String, Contestant> factory) {
    // One contestant at a time: an idle engine polls its tables, which would blur the others'
    // commit counts and take CPU from them.
    try (Contestant c = factory.apply(database)) {
      new WorkloadRunner(c, database, sizes, results, pg).run(workloads);
      if (Boolean.getBoolean("bench.sqlStats")) {
        System.out.println(
            "[" + database + " " + name + "] statements by shape:\n" + c.dataSource().shapes());
      }
    } finally {
      System.gc();
    }
  }

  private static Contestant postgres(
      String name, String url, String user, String database, boolean queue) {
    switch (name) {
      case "Stepwise":
        createSchema(url, user, "stepwise");
        return new StepwiseContestant(
            CountingDataSource.create("stepwise", url, user, "", STEPWISE_POOL, "stepwise"),
            queueWorkers);
      case "DBOS":
        return new DbosContestant(
            CountingDataSource.create("dbos", url, user, "", DBOS_POOL, null), url, user, queue);
      case "floor":
        createSchema(url, user, FloorContestant.schema());
        return new FloorContestant(
            CountingDataSource.create(
                "floor", url, user, "", FLOOR_THREADS, FloorContestant.schema()),
            FLOOR_THREADS);
      default:
        throw new IllegalArgumentException("unknown contestant " + name + " on " + database);
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

  private static Contestant h2(String name, Path dir, String database) {
    String url =
        "jdbc:h2:file:" + dir.resolve(name.toLowerCase(Locale.ROOT)) + ";LOCK_TIMEOUT=10000";
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
        throw new IllegalArgumentException("unknown contestant " + name + " on " + database);
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

  private static void createSchema(String url, String user, String schema) {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      // Each run starts from empty tables.
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
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

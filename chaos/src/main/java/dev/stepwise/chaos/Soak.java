package dev.stepwise.chaos;

import dev.stepwise.chaos.FaultPlan.Fault;
import dev.stepwise.chaos.FaultPlan.Kind;
import dev.stepwise.chaos.flow.ChainFlow;
import dev.stepwise.chaos.flow.ChainFlowRunner;
import dev.stepwise.chaos.flow.ForkFlow;
import dev.stepwise.chaos.flow.ForkFlowRunner;
import dev.stepwise.chaos.flow.QueuedFlow;
import dev.stepwise.chaos.flow.QueuedFlowRunner;
import dev.stepwise.runtime.Stepwise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The chaos soak's controller. It starts a PostgreSQL cluster of its own and N worker JVMs ({@link
 * SoakWorker}) on it, starts runs of three workflows with a transactional step at a steady rate
 * (one of them fans out into a queue with a global concurrency limit), and meanwhile kills (-9) and
 * restarts workers, stops them (SIGSTOP) for longer than the lease, restarts the database with
 * {@code pg_ctl restart -m immediate} and, if asked, takes it down for an outage, all at times
 * drawn from the seed. Then it lets the runs drain and judges from the database: every started run
 * must have succeeded, with exactly one row written by its transactional step, and at no instant
 * were more executions of the queue's steps alive than its limit, by the intervals they recorded.
 * It prints the figures, writes them to {@code <dir>/soak-report.txt} and exits with 1 if anything
 * was lost, failed or written twice.
 *
 * <p>Arguments: see {@link SoakOptions#USAGE}; exit codes: 0 pass, 1 fail, 2 the soak cannot run
 * here (no PostgreSQL binaries), 64 bad arguments.
 */
public final class Soak {
  static final String DATABASE = "soak";

  /** Where the limited steps' recorded intervals go, one line each, for evidence. */
  static final String SLOTS = "slots.csv";

  /** Where the stored errors of failed runs go, stack traces included. */
  static final String FAILURES = "failed-runs.txt";

  private static final Duration PROGRESS = Duration.ofSeconds(10);
  private static final Duration WORKER_START = Duration.ofMinutes(3);

  private final SoakOptions options;
  private final PgBinaries binaries;
  private final List<WorkerJvm> workers = new ArrayList<>();

  Soak(SoakOptions options, PgBinaries binaries) {
    this.options = options;
    this.binaries = binaries;
  }

  public static void main(String[] args) throws Exception {
    SoakOptions options;
    try {
      options = SoakOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(64);
      return;
    }
    PgBinaries binaries;
    try {
      binaries = PgBinaries.find(options.pgBin(), options.pgOsUser());
    } catch (PgBinaries.Unavailable e) {
      System.err.println("The chaos soak cannot run here: " + e.getMessage());
      System.exit(2);
      return;
    }
    SoakReport report = new Soak(options, binaries).run();
    System.exit(report.ok() ? 0 : 1);
  }

  /** Runs the soak; prints and stores its report, and returns it. */
  SoakReport run() throws IOException, InterruptedException, SQLException {
    Path dir = options.dir().toAbsolutePath();
    Files.createDirectories(dir);
    // The controller's engine logs to a file: its warnings while the database restarts would
    // bury the progress lines. Set before the first logger exists.
    System.setProperty("org.slf4j.simpleLogger.logFile", dir.resolve("controller.log").toString());
    Files.deleteIfExists(dir.resolve(FAILURES));
    say("soak in %s: %s", dir, options.describe());
    PgCluster pg = PgCluster.create(binaries, DATABASE);
    say("PostgreSQL %s on port %d (binaries in %s)", DATABASE, pg.port(), binaries.bin());
    Thread cleanup = new Thread(() -> abandon(pg), "soak-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup); // Ctrl-C must not leave servers and JVMs
    try {
      SoakReport report = soak(pg, dir);
      String text = report.toText();
      System.out.println();
      System.out.print(text);
      Files.writeString(dir.resolve("soak-report.txt"), text);
      return report;
    } finally {
      killWorkers();
      pg.close(options.keep(), dir.resolve("postgres.log"));
      Runtime.getRuntime().removeShutdownHook(cleanup);
    }
  }

  private SoakReport soak(PgCluster pg, Path dir)
      throws IOException, InterruptedException, SQLException {
    String url = pg.jdbcUrl(DATABASE);
    SoakDb db = new SoakDb(url);
    db.createLedger();
    // The controller's engine only starts runs: it is never started, so it runs no step. Built
    // first, it also creates the engine's tables before any worker looks for them.
    try (Stepwise client =
        Stepwise.builder().jdbcUrl(url, PgCluster.USER, "").nodeId("soak-controller").build()) {
      Traffic traffic =
          new Traffic(
              new ChainFlowRunner(client, new ChainFlow("controller")),
              new ForkFlowRunner(client, new ForkFlow("controller")),
              new QueuedFlowRunner(client, new QueuedFlow("controller", null)),
              options,
              db::finished);
      startWorkers(url, dir);
      FaultInjector faults = new FaultInjector(pg, workers);
      faultPeriod(traffic, faults, db);
      Instant drainStart = Instant.now();
      boolean drained = drain(traffic, faults, db);
      Duration drain = Duration.between(drainStart, Instant.now());
      SoakDb.Snapshot snapshot = db.snapshot();
      Map<String, WorkerJvm.Life> lives = lives();
      Verdict verdict = Verdict.judge(traffic.acknowledged(), snapshot, lives, options.lease());
      Files.write(dir.resolve(SLOTS), SlotCheck.csv(snapshot.slots(), lives));
      if (verdict.failed() + verdict.cancelled() > 0) {
        Files.writeString(dir.resolve(FAILURES), db.failures(20));
      }
      killWorkers();
      List<Path> logs = new ArrayList<>(workers.stream().map(WorkerJvm::log).toList());
      logs.add(dir.resolve("controller.log"));
      return new SoakReport(
          options,
          faults.tally(),
          verdict,
          drain,
          drained,
          traffic.startErrors(),
          traffic.lastError(),
          LogDigest.digest(logs, 12));
    }
  }

  private void startWorkers(String url, Path dir) throws IOException, InterruptedException {
    for (int i = 1; i <= options.workers(); i++) {
      Files.deleteIfExists(dir.resolve("w" + i + ".log"));
      WorkerJvm w = new WorkerJvm("w" + i, url, options, dir);
      w.start();
      workers.add(w);
    }
    awaitWorkers();
  }

  /** Starts runs and injects the planned faults for the soak's duration, then ends both. */
  private void faultPeriod(Traffic traffic, FaultInjector faults, SoakDb db)
      throws InterruptedException {
    List<Fault> plan = FaultPlan.plan(options);
    say(
        "plan: %d kills, %d stops, %d database restarts, %d outages over %s",
        FaultPlan.count(plan, Kind.KILL),
        FaultPlan.count(plan, Kind.STOP),
        FaultPlan.count(plan, Kind.RESTART_DB),
        FaultPlan.count(plan, Kind.OUTAGE),
        Format.duration(options.duration()));
    Instant t0 = Instant.now();
    traffic.start();
    faults.start(plan);
    Instant end = t0.plus(options.duration());
    while (Instant.now().isBefore(end)) {
      long left = Math.max(1, Duration.between(Instant.now(), end).toMillis());
      Thread.sleep(Math.min(PROGRESS.toMillis(), left));
      progress(t0, traffic, faults, db);
    }
    traffic.stop();
    faults.finish();
    traffic.join(); // its last starts are acknowledged now that the database is up
    say("faults over; %d runs started; draining", traffic.size());
  }

  /** Waits until every acknowledged run is finished, at most the drain bound; true if they are. */
  private boolean drain(Traffic traffic, FaultInjector faults, SoakDb db)
      throws InterruptedException {
    Instant bound = Instant.now().plus(options.drain());
    while (Instant.now().isBefore(bound)) {
      if (db.finished() >= traffic.size()) {
        return true;
      }
      faults.reviveExited();
      Thread.sleep(200);
    }
    return false;
  }

  /** Waits until every worker's engine runs, so that the faults hit a working cluster. */
  private void awaitWorkers() throws InterruptedException {
    Instant since = Instant.now();
    Instant bound = since.plus(WORKER_START);
    while (!workers.stream().allMatch(WorkerJvm::isReady)) {
      if (Instant.now().isAfter(bound)) {
        throw new IllegalStateException(
            "the workers did not start within "
                + Format.duration(WORKER_START)
                + "; see their logs");
      }
      Thread.sleep(100);
    }
    say(
        "%d workers ready after %s",
        workers.size(), Format.duration(Duration.between(since, Instant.now())));
  }

  private void progress(Instant t0, Traffic traffic, FaultInjector faults, SoakDb db) {
    FaultInjector.Tally t = faults.tally();
    int done = db.finished();
    say(
        "%s: %d runs started, %s finished; %d kills, %d stops, %d db restarts, %d outages",
        Format.duration(Duration.ofSeconds(Duration.between(t0, Instant.now()).toSeconds())),
        traffic.size(),
        done < 0 ? "? (database down)" : Integer.toString(done),
        t.kills(),
        t.stops(),
        t.dbRestarts(),
        t.outages());
  }

  /** Every worker JVM started so far, by node id. */
  private Map<String, WorkerJvm.Life> lives() {
    Map<String, WorkerJvm.Life> lives = new HashMap<>();
    for (WorkerJvm w : workers) {
      for (WorkerJvm.Life l : w.lives()) {
        lives.put(l.node(), l);
      }
    }
    return lives;
  }

  private synchronized void killWorkers() {
    for (WorkerJvm w : workers) {
      w.kill();
    }
  }

  /** The shutdown hook's work when the soak is interrupted: nothing it started may live on. */
  private void abandon(PgCluster pg) {
    killWorkers();
    pg.close(options.keep(), null);
  }

  static void say(String format, Object... args) {
    System.out.println("[soak] " + String.format(Locale.ROOT, format, args));
  }
}

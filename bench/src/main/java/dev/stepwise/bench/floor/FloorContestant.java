package dev.stepwise.bench.floor;

import dev.stepwise.bench.Contestant;
import dev.stepwise.bench.CountingDataSource;
import dev.stepwise.bench.ResumeClients;
import dev.stepwise.bench.Sql;
import dev.stepwise.bench.Work;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The floor: the workflows hand-written with plain JDBC, doing only the writes that make them
 * durable. One transaction stores the run, one per step stores that step's output (the last one
 * also marks the run finished), nothing else: no claims, no leases, no status reads. An engine can
 * only beat this by sharing commits between steps.
 */
public final class FloorContestant implements Contestant {
  private static final String SCHEMA = "floor";

  private final CountingDataSource ds;
  private final ExecutorService workers;
  private final ExecutorService branches;
  private final List<String> suspended = new ArrayList<>();

  /** {@code threads} workflows run at once, each on its own pooled connection. */
  public FloorContestant(CountingDataSource ds, int threads) {
    this.ds = ds;
    this.workers = Executors.newFixedThreadPool(threads);
    // Fan-out branches get threads of their own, so a workflow waiting for its branches never
    // holds the thread a branch needs.
    this.branches = Executors.newFixedThreadPool(threads);
    createTables();
  }

  @Override
  public String name() {
    return "floor";
  }

  @Override
  public CountingDataSource dataSource() {
    return ds;
  }

  @Override
  public String runSequential(String input) {
    String runId = UUID.randomUUID().toString();
    insertRun(runId, "sequential", input);
    String one = Work.one(input);
    recordStep(runId, "one", one);
    String two = Work.two(one);
    recordStep(runId, "two", two);
    String three = Work.three(two);
    finishWithStep(runId, "three", three);
    return three;
  }

  @Override
  public List<String> runSequentialBatch(List<String> inputs) {
    return all(inputs, this::runSequential);
  }

  @Override
  public String runFanOut(String input) {
    String runId = UUID.randomUUID().toString();
    insertRun(runId, "fanout", input);
    String a = Work.one(input);
    recordStep(runId, "a", a);
    // The branches run in parallel, as an engine would run them: each commits its own output.
    List<CompletableFuture<String>> futures = new ArrayList<>();
    for (int i = 0; i < Work.BRANCHES; i++) {
      int n = i;
      futures.add(
          CompletableFuture.supplyAsync(
              () -> {
                String out = Work.branch(a, n);
                recordStep(runId, "b" + n, out);
                return out;
              },
              this.branches));
    }
    List<String> outs = futures.stream().map(CompletableFuture::join).toList();
    String joined = Work.join(outs);
    finishWithStep(runId, "join", joined);
    return joined;
  }

  @Override
  public void suspendAll(List<String> inputs) {
    List<String> runs =
        all(
            inputs,
            input -> {
              String runId = UUID.randomUUID().toString();
              insertRun(runId, "approval", input);
              recordStep(runId, "prepare", Work.one(input));
              // The suspension is a row; nothing about the run stays in memory.
              update("UPDATE floor_runs SET status = 'SUSPENDED' WHERE id = ?", runId);
              return runId;
            });
    synchronized (suspended) {
      suspended.addAll(runs);
    }
  }

  @Override
  public List<String> resumeAll(String decision) {
    List<String> ids;
    synchronized (suspended) {
      ids = List.copyOf(suspended);
      suspended.clear();
    }
    return ResumeClients.each(ids, runId -> resume(runId, decision));
  }

  private String resume(String runId, String decision) {
    // A resume re-reads what the step needs (the suspended run knows nothing in memory), then
    // records the step's output and the run's end in one transaction, if it is still suspended.
    String prepared = readStep(runId, "prepare");
    String out = Work.approve(prepared, decision);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement run =
              c.prepareStatement(
                  "UPDATE floor_runs SET status = 'SUCCEEDED', output = ?,"
                      + " finished_at = CURRENT_TIMESTAMP WHERE id = ? AND status = 'SUSPENDED'");
          PreparedStatement step =
              c.prepareStatement(
                  "INSERT INTO floor_steps (run_id, step_id, output) VALUES (?, ?, ?)")) {
        run.setString(1, out);
        run.setString(2, runId);
        if (run.executeUpdate() != 1) {
          c.rollback();
          throw new IllegalStateException("run " + runId + " is not suspended");
        }
        step.setString(1, runId);
        step.setString(2, "approve");
        step.setString(3, out);
        step.executeUpdate();
        c.commit();
      } finally {
        c.setAutoCommit(true);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void seedFinishedRuns(int count) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      String series = Sql.series(c, count);
      s.execute(
          "INSERT INTO floor_runs (id, workflow, status, input, output, created_at, finished_at)"
              + " SELECT 'seed-' || x, 'sequential', 'SUCCEEDED', 'in', 'in:1:2:3',"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM "
              + series);
      for (String step : new String[] {"one", "two", "three"}) {
        s.execute(
            "INSERT INTO floor_steps (run_id, step_id, output) SELECT 'seed-' || x, '"
                + step
                + "', 'out' FROM "
                + series);
      }
      Sql.analyze(c, "floor_runs", "floor_steps");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
    branches.shutdownNow();
  }

  private <T> List<T> all(List<String> inputs, java.util.function.Function<String, T> work) {
    List<CompletableFuture<T>> futures = new ArrayList<>(inputs.size());
    for (String input : inputs) {
      futures.add(CompletableFuture.supplyAsync(() -> work.apply(input), workers));
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }

  private void createTables() {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      // The harness empties the schema (or the H2 file) before the first opening, not each one.
      s.execute(
          "CREATE TABLE IF NOT EXISTS floor_runs (id VARCHAR(64) PRIMARY KEY, workflow VARCHAR(64) NOT NULL,"
              + " status VARCHAR(16) NOT NULL, input TEXT, output TEXT,"
              + " created_at TIMESTAMP NOT NULL, finished_at TIMESTAMP)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS floor_steps (run_id VARCHAR(64) NOT NULL, step_id VARCHAR(64) NOT NULL,"
              + " output TEXT, PRIMARY KEY (run_id, step_id))");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The schema the floor's tables live in; the pool's connections default to it. */
  public static String schema() {
    return SCHEMA;
  }

  private void insertRun(String runId, String workflow, String input) {
    update(
        "INSERT INTO floor_runs (id, workflow, status, input, created_at)"
            + " VALUES (?, ?, 'RUNNING', ?, CURRENT_TIMESTAMP)",
        runId,
        workflow,
        input);
  }

  private void recordStep(String runId, String stepId, String output) {
    update(
        "INSERT INTO floor_steps (run_id, step_id, output) VALUES (?, ?, ?)",
        runId,
        stepId,
        output);
  }

  private void finishWithStep(String runId, String stepId, String output) {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement step =
              c.prepareStatement(
                  "INSERT INTO floor_steps (run_id, step_id, output) VALUES (?, ?, ?)");
          PreparedStatement run =
              c.prepareStatement(
                  "UPDATE floor_runs SET status = 'SUCCEEDED', output = ?,"
                      + " finished_at = CURRENT_TIMESTAMP WHERE id = ?")) {
        step.setString(1, runId);
        step.setString(2, stepId);
        step.setString(3, output);
        step.executeUpdate();
        run.setString(1, output);
        run.setString(2, runId);
        run.executeUpdate();
        c.commit();
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String readStep(String runId, String stepId) {
    try (Connection c = ds.getConnection();
        PreparedStatement p =
            c.prepareStatement("SELECT output FROM floor_steps WHERE run_id = ? AND step_id = ?")) {
      p.setString(1, runId);
      p.setString(2, stepId);
      try (var rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no step " + stepId + " in run " + runId);
        }
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void update(String sql, String... params) {
    try (Connection c = ds.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        p.setString(i + 1, params[i]);
      }
      p.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

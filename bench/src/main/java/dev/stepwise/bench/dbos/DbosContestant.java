package dev.stepwise.bench.dbos;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.StartWorkflowOptions;
import dev.dbos.transact.config.DBOSConfig;
import dev.dbos.transact.workflow.Queue;
import dev.dbos.transact.workflow.WorkflowHandle;
import dev.stepwise.bench.Contestant;
import dev.stepwise.bench.CountingDataSource;
import dev.stepwise.bench.QueueProbe;
import dev.stepwise.bench.ResumeClients;
import dev.stepwise.bench.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * DBOS Transact 1.1.0-m6 with its default settings (a pool of 10 connections, 2 x 50 executor
 * threads on this 2-core machine), its tables in schema {@code dbos}.
 */
public final class DbosContestant implements Contestant {
  private final CountingDataSource ds;
  private final DBOS dbos;
  private final BenchWorkflowsImpl impl;
  private final BenchWorkflows workflows;
  private final Queue queue; // (q)'s, or null
  private final List<WorkflowHandle<String, RuntimeException>> suspended = new ArrayList<>();

  /**
   * DBOS on {@code ds}. DBOS insists on a password even where the server trusts the user, so one is
   * given; the server ignores it.
   */
  public DbosContestant(CountingDataSource ds, String url, String user) {
    this(ds, url, user, false);
  }

  /**
   * With {@code withQueue}, also (q)'s queue: DBOS's {@code Queue} with a concurrency of {@link
   * QueueProbe#CONCURRENCY} and its defaults otherwise (among them its polling interval, {@link
   * Queue#DEFAULT_POLLING_INTERVAL}). A queue must be registered before launch and is polled from
   * then on, so it is registered only when (q) is to run.
   */
  public DbosContestant(CountingDataSource ds, String url, String user, boolean withQueue) {
    this.ds = ds; // schema dbos: the harness drops it before the first launch, not before each
    DBOSConfig config =
        DBOSConfig.defaults("stepwise-bench")
            .withDatabaseUrl(url)
            .withDbUser(user)
            .withDbPassword("unused-under-trust")
            .withDataSource(ds);
    this.dbos = new DBOS(config);
    this.impl = new BenchWorkflowsImpl(dbos);
    this.workflows = dbos.registerProxy(BenchWorkflows.class, impl);
    impl.setProxy(workflows);
    this.queue = withQueue ? new Queue("bench").withConcurrency(QueueProbe.CONCURRENCY) : null;
    if (queue != null) {
      dbos.registerQueue(queue);
    }
    dbos.launch();
  }

  @Override
  public String name() {
    return "DBOS";
  }

  @Override
  public CountingDataSource dataSource() {
    return ds;
  }

  @Override
  public String runSequential(String input) {
    return workflows.sequential(input);
  }

  @Override
  public List<String> runSequentialBatch(List<String> inputs) {
    return startAll(inputs, in -> dbos.startWorkflow(() -> workflows.sequential(in)));
  }

  @Override
  public String runFanOut(String input) {
    return workflows.fanOut(input);
  }

  @Override
  public void suspendAll(List<String> inputs) {
    impl.resetWaiting();
    for (String in : inputs) {
      suspended.add(dbos.startWorkflow(() -> workflows.approval(in)));
    }
    // A waiting DBOS workflow holds an executor thread in recv(); the rest wait in the executor's
    // queue, in memory. Wait until every one that can wait is waiting.
    int expected = Math.min(inputs.size(), executorThreads());
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (impl.waiting() < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(impl.waiting() + " of " + expected + " DBOS waits");
      }
      sleep(20);
    }
  }

  @Override
  public List<String> resumeAll(String decision) {
    ResumeClients.each(
        suspended.stream().map(WorkflowHandle::workflowId).toList(),
        id -> {
          dbos.send(id, decision, BenchWorkflowsImpl.DECISION);
          return id;
        });
    List<String> outs = new ArrayList<>(suspended.size());
    for (WorkflowHandle<String, RuntimeException> h : suspended) {
      outs.add(h.getResult());
    }
    suspended.clear();
    return outs;
  }

  @Override
  public boolean hasQueue() {
    return queue != null;
  }

  @Override
  public String queueSettings() {
    return "DBOS Queue(concurrency "
        + queue.concurrency()
        + ", worker concurrency "
        + queue.workerConcurrency()
        + ", polling interval "
        + queue.pollingInterval()
        + ")";
  }

  @Override
  public List<String> runQueued(List<String> inputs, QueueProbe probe) {
    StartWorkflowOptions options = new StartWorkflowOptions(queue);
    List<WorkflowHandle<String, RuntimeException>> handles = new ArrayList<>(inputs.size());
    for (String in : inputs) {
      handles.add(dbos.startWorkflow(() -> workflows.queued(in), options));
      probe.enqueued();
    }
    List<String> outs = new ArrayList<>(inputs.size());
    for (WorkflowHandle<String, RuntimeException> h : handles) {
      outs.add(h.getResult());
    }
    return outs;
  }

  @Override
  public void seedFinishedRuns(int count) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      String series = Sql.series(c, count);
      s.execute(
          "INSERT INTO dbos.workflow_status (workflow_uuid, status, name, class_name,"
              + " config_name, output, executor_id, application_version, application_id,"
              + " created_at, updated_at, recovery_attempts, inputs)"
              + " SELECT 'seed-' || x, 'SUCCESS', 'sequential',"
              + " 'dev.stepwise.bench.dbos.BenchWorkflowsImpl', '', NULL, 'local', v.version,"
              + " '', 0, 0, 1, NULL FROM "
              + series
              + " CROSS JOIN (SELECT application_version AS version FROM dbos.workflow_status"
              + " LIMIT 1) v");
      String[] steps = {"one", "two", "three"};
      for (int i = 0; i < steps.length; i++) {
        s.execute(
            "INSERT INTO dbos.operation_outputs (workflow_uuid, function_id, function_name,"
                + " output) SELECT 'seed-' || x, "
                + i
                + ", '"
                + steps[i]
                + "', NULL FROM "
                + series);
      }
      Sql.analyze(c, "dbos.workflow_status", "dbos.operation_outputs");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    dbos.close();
  }

  private List<String> startAll(
      List<String> inputs, Function<String, WorkflowHandle<String, RuntimeException>> start) {
    List<WorkflowHandle<String, RuntimeException>> handles = new ArrayList<>(inputs.size());
    for (String in : inputs) {
      handles.add(start.apply(in));
    }
    List<String> outs = new ArrayList<>(inputs.size());
    for (WorkflowHandle<String, RuntimeException> h : handles) {
      outs.add(h.getResult());
    }
    return outs;
  }

  /** DBOS's executor on a JDK without virtual threads: 50 threads per processor. */
  private static int executorThreads() {
    return Runtime.getRuntime().availableProcessors() * 50;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

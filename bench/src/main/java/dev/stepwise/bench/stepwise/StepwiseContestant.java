package dev.stepwise.bench.stepwise;

import dev.stepwise.bench.Contestant;
import dev.stepwise.bench.CountingDataSource;
import dev.stepwise.bench.QueueProbe;
import dev.stepwise.bench.ResumeClients;
import dev.stepwise.runtime.RunHandle;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stepwise driven as a user drives it: annotated workflow classes, the runners the processor
 * generated from them, and an engine built on the benchmark's pool.
 */
public final class StepwiseContestant implements Contestant {
  private static final Duration WAIT = Duration.ofMinutes(10);
  private static final Duration POLL = Duration.ofMillis(500); // the builder's default

  private final CountingDataSource ds;
  // Not final: (r) restarts the engine with a retention, as a redeploy with the setting would.
  private Stepwise engine;
  private SequentialWorkflowRunner sequential;
  private FanOutWorkflowRunner fanOut;
  private ApprovalWorkflowRunner approval;
  private ParallelWorkflowRunner parallel;
  private final List<String> suspended = new ArrayList<>();
  private final int queueWorkers;
  private Stepwise queueEngine; // (q)'s, built on first use
  private QueuedWorkflowRunner queued;

  public StepwiseContestant(CountingDataSource ds) {
    this(ds, QueueProbe.CONCURRENCY);
  }

  /** With {@code queueWorkers} workers on the engine of (q). */
  public StepwiseContestant(CountingDataSource ds, int queueWorkers) {
    this.queueWorkers = queueWorkers;
    this.ds = ds;
    startEngine(null);
  }

  private void startEngine(Duration retention) {
    this.engine = Stepwise.builder().dataSource(ds).retention(retention).build();
    this.sequential = new SequentialWorkflowRunner(engine, new SequentialWorkflow());
    this.fanOut = new FanOutWorkflowRunner(engine, new FanOutWorkflow());
    this.approval = new ApprovalWorkflowRunner(engine, new ApprovalWorkflow());
    this.parallel = new ParallelWorkflowRunner(engine, new ParallelWorkflow());
    engine.start();
  }

  @Override
  public String name() {
    return "Stepwise";
  }

  @Override
  public CountingDataSource dataSource() {
    return ds;
  }

  @Override
  public String runSequential(String input) {
    return succeeded(sequential.start(input)).three().output();
  }

  @Override
  public List<String> runSequentialBatch(List<String> inputs) {
    List<RunHandle<SequentialWorkflowResult>> handles = new ArrayList<>(inputs.size());
    for (String in : inputs) {
      handles.add(sequential.startAsync(in));
    }
    List<String> outs = new ArrayList<>(inputs.size());
    for (RunHandle<SequentialWorkflowResult> h : handles) {
      outs.add(succeeded(h.awaitCompletion(WAIT)).three().output());
    }
    return outs;
  }

  @Override
  public String runFanOut(String input) {
    FanOutWorkflowResult r = fanOut.start(input);
    check(r.status(), r.runId());
    return r.join().output();
  }

  @Override
  public boolean hasParallel() {
    return true;
  }

  @Override
  public String runParallel(String input, int size) {
    ParallelWorkflowResult r = parallel.start(new ParallelInput(input, size));
    check(r.status(), r.runId());
    return r.join().output();
  }

  @Override
  public void suspendAll(List<String> inputs) {
    List<RunHandle<ApprovalWorkflowResult>> handles = new ArrayList<>(inputs.size());
    for (String in : inputs) {
      handles.add(approval.startAsync(in));
    }
    for (RunHandle<ApprovalWorkflowResult> h : handles) {
      ApprovalWorkflowResult r = h.await(WAIT);
      if (r.status() != Status.SUSPENDED) {
        throw new IllegalStateException("run " + r.runId() + " is " + r.status());
      }
      suspended.add(r.runId());
    }
  }

  @Override
  public List<String> resumeAll(String decision) {
    ResumeClients.each(
        suspended,
        runId -> {
          approval.resumeApprove(runId, decision);
          return runId;
        });
    List<String> outs = new ArrayList<>(suspended.size());
    for (String runId : suspended) {
      ApprovalWorkflowResult r = approval.awaitCompletion(runId, WAIT);
      check(r.status(), runId);
      outs.add(r.approve().output());
    }
    suspended.clear();
    return outs;
  }

  @Override
  public boolean hasQueue() {
    return true;
  }

  @Override
  public String queueSettings() {
    return "@Queue(concurrency "
        + QueueProbe.CONCURRENCY
        + "), "
        + queueWorkers
        + " workers, dispatcher poll "
        + POLL
        + " (for other nodes' work; a freed slot wakes it)";
  }

  /**
   * (q) on an engine of its own with as many workers as the queue has slots: a node runs at most
   * its workers' count of steps at once (8 by default), which would hold a queue of 10 to 8. It
   * shares the pool; the main engine has no queued workflow registered and stays idle meanwhile.
   */
  @Override
  public List<String> runQueued(List<String> inputs, QueueProbe probe) {
    if (queueEngine == null) {
      queueEngine =
          Stepwise.builder().dataSource(ds).nodeId("bench-queue").workers(queueWorkers).build();
      queued = new QueuedWorkflowRunner(queueEngine, new QueuedWorkflow());
      queueEngine.start();
    }
    List<RunHandle<QueuedWorkflowResult>> handles = new ArrayList<>(inputs.size());
    for (String in : inputs) {
      handles.add(queued.startAsync(in));
      probe.enqueued();
    }
    List<String> outs = new ArrayList<>(inputs.size());
    for (RunHandle<QueuedWorkflowResult> h : handles) {
      QueuedWorkflowResult r = h.awaitCompletion(WAIT);
      check(r.status(), r.runId());
      outs.add(r.hold().output());
    }
    return outs;
  }

  @Override
  public void seedFinishedRuns(int count) {
    StepwiseSeeder.seed(ds, count);
  }

  @Override
  public boolean hasRetention() {
    return true;
  }

  @Override
  public void seedOldRuns(int count, Duration age) {
    StepwiseSeeder.seedOld(ds, count, (int) age.toDays());
  }

  @Override
  public long oldRuns() {
    return StepwiseSeeder.countOld(ds);
  }

  /** Restarts the engine with this retention; its sweeper starts deleting as it starts. */
  @Override
  public void retention(Duration keep) {
    engine.close();
    startEngine(keep);
  }

  @Override
  public void close() {
    if (queueEngine != null) {
      queueEngine.close();
    }
    engine.close();
  }

  private static SequentialWorkflowResult succeeded(SequentialWorkflowResult r) {
    check(r.status(), r.runId());
    return r;
  }

  private static void check(Status status, String runId) {
    if (status != Status.SUCCEEDED) {
      throw new IllegalStateException("run " + runId + " ended " + status);
    }
  }
}

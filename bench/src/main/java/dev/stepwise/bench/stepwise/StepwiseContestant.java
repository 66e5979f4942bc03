package dev.stepwise.bench.stepwise;

import dev.stepwise.bench.Contestant;
import dev.stepwise.bench.CountingDataSource;
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

  private final CountingDataSource ds;
  private final Stepwise engine;
  private final SequentialWorkflowRunner sequential;
  private final FanOutWorkflowRunner fanOut;
  private final ApprovalWorkflowRunner approval;
  private final List<String> suspended = new ArrayList<>();

  public StepwiseContestant(CountingDataSource ds) {
    this.ds = ds;
    this.engine = Stepwise.builder().dataSource(ds).build();
    this.sequential = new SequentialWorkflowRunner(engine, new SequentialWorkflow());
    this.fanOut = new FanOutWorkflowRunner(engine, new FanOutWorkflow());
    this.approval = new ApprovalWorkflowRunner(engine, new ApprovalWorkflow());
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
    for (String runId : suspended) {
      approval.resumeApprove(runId, decision);
    }
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
  public void seedFinishedRuns(int count) {
    StepwiseSeeder.seed(ds, count);
  }

  @Override
  public void close() {
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

package dev.stepwise.bench.dbos;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.workflow.Workflow;
import dev.dbos.transact.workflow.WorkflowHandle;
import dev.stepwise.bench.QueueProbe;
import dev.stepwise.bench.Work;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's workflows written the way DBOS's documentation writes them: a {@code @Workflow}
 * method whose steps are {@code dbos.runStep} calls. DBOS runs a workflow's steps one at a time, so
 * the fan-out's branches are child workflows started with {@code startWorkflow}, its idiomatic way
 * to run work in parallel.
 */
public final class BenchWorkflowsImpl implements BenchWorkflows {
  /** The topic an approval waits on. */
  static final String DECISION = "decision";

  private final DBOS dbos;
  private final AtomicInteger waiting = new AtomicInteger();
  private BenchWorkflows self;

  BenchWorkflowsImpl(DBOS dbos) {
    this.dbos = dbos;
  }

  /** The registered proxy: child workflows must be started through it. */
  void setProxy(BenchWorkflows self) {
    this.self = self;
  }

  /** How many approvals have reached their wait (and hold a thread there). */
  int waiting() {
    return waiting.get();
  }

  void resetWaiting() {
    waiting.set(0);
  }

  @Override
  @Workflow(name = "sequential")
  public String sequential(String input) {
    String one = dbos.runStep(() -> Work.one(input), "one");
    String two = dbos.runStep(() -> Work.two(one), "two");
    return dbos.runStep(() -> Work.three(two), "three");
  }

  @Override
  @Workflow(name = "fanOut")
  public String fanOut(String input) {
    String a = dbos.runStep(() -> Work.one(input), "a");
    List<WorkflowHandle<String, RuntimeException>> branches = new ArrayList<>();
    for (int i = 0; i < Work.BRANCHES; i++) {
      int n = i;
      branches.add(dbos.startWorkflow(() -> self.branch(a, n)));
    }
    List<String> outs = new ArrayList<>();
    for (WorkflowHandle<String, RuntimeException> h : branches) {
      outs.add(h.getResult());
    }
    return dbos.runStep(() -> Work.join(outs), "join");
  }

  @Override
  @Workflow(name = "branch")
  public String branch(String a, int i) {
    return dbos.runStep(() -> Work.branch(a, i), "b" + i);
  }

  @Override
  @Workflow(name = "approval")
  public String approval(String input) {
    String prepared = dbos.runStep(() -> Work.one(input), "prepare");
    waiting.incrementAndGet();
    String decision =
        dbos.<String>recv(DECISION, Duration.ofHours(1))
            .orElseThrow(() -> new IllegalStateException("no decision"));
    return dbos.runStep(() -> Work.approve(prepared, decision), "approve");
  }

  @Override
  @Workflow(name = "queued")
  public String queued(String input) {
    return dbos.runStep(() -> QueueProbe.step(input), "hold");
  }
}

package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.step;

import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** hang, with a timeout of an hour: blocks until interrupted (at most a minute). */
public final class HangingFlow {
  public static final Duration TIMEOUT = Duration.ofHours(1);

  public final CountDownLatch started = new CountDownLatch(1);
  public final CountDownLatch interrupted = new CountDownLatch(1);

  String hang(String in) throws InterruptedException {
    started.countDown();
    try {
      new CountDownLatch(1).await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      interrupted.countDown(); // the deadline stopped it
      throw e;
    }
    return in;
  }

  /** What the processor would generate. */
  public static final class Definition implements WorkflowDefinition {
    public static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "hanging",
            "hanging-v1",
            List.of(step("hang").withTimeout(TIMEOUT)),
            "hang",
            "flowchart TD");
    private final HangingFlow flow;

    public Definition(HangingFlow flow) {
      this.flow = flow;
    }

    @Override
    public WorkflowGraph graph() {
      return GRAPH;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) throws Exception {
      if (!stepId.equals("hang")) {
        throw new IllegalArgumentException("unknown step " + stepId);
      }
      return flow.hang(in.input(String.class));
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      throw new IllegalArgumentException("unknown condition " + name);
    }
  }
}

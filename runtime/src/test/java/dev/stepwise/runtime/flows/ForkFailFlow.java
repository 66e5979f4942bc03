package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.step;

import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * root -> (boom, busy, park); busy -> after. boom fails for good while busy is running and park is
 * suspended.
 */
public final class ForkFailFlow implements WorkflowDefinition {
  public final CountDownLatch release = new CountDownLatch(1);
  public final CountDownLatch busyStarted = new CountDownLatch(1);
  public final CountDownLatch parkSuspending = new CountDownLatch(1);
  private static final WorkflowGraph GRAPH =
      new WorkflowGraph(
          "fork-fail",
          "v1",
          List.of(
              step("root"),
              step("busy", "root"),
              step("park", "root"),
              step("boom", "root"),
              step("after", "busy")),
          null,
          "");

  @Override
  public WorkflowGraph graph() {
    return GRAPH;
  }

  @Override
  public Object invokeStep(String stepId, StepInvocation in) throws Exception {
    switch (stepId) {
      case "busy" -> {
        busyStarted.countDown();
        release.await(30, TimeUnit.SECONDS);
        return "busy done";
      }
      case "park" -> {
        parkSuspending.countDown();
        return in.context().suspend("parked");
      }
      case "boom" -> {
        // Fail only once the other branches are running or parked.
        // Whichever of park's and boom's commits comes first, park ends CANCELLED.
        busyStarted.await(30, TimeUnit.SECONDS);
        parkSuspending.await(30, TimeUnit.SECONDS);
        throw new IllegalStateException("boom");
      }
      default -> {
        return stepId;
      }
    }
  }

  @Override
  public boolean evaluateCondition(String name, StepInvocation in) {
    return true;
  }
}

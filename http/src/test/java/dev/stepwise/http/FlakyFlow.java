package dev.stepwise.http;

import dev.stepwise.runtime.spi.ScheduleSpec;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Boundary;
import dev.stepwise.runtime.spi.validation.Contract;
import dev.stepwise.runtime.spi.validation.Validators;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** One step, {@code work}, that fails (without retries) while {@link #failing} is set. */
final class FlakyFlow implements WorkflowDefinition {
  static final WorkflowGraph GRAPH =
      new WorkflowGraph(
          "flaky", "flaky-v1", List.of(OrderFlow.step("work", false)), "work", "flowchart TD");

  static final List<Contract<?>> CONTRACTS =
      List.of(
          new Contract<String>(
              Boundary.input(), String.class, Validators.none(), "{\"type\": \"string\"}"));

  final AtomicBoolean failing = new AtomicBoolean(true);

  @Override
  public WorkflowGraph graph() {
    return GRAPH;
  }

  @Override
  public List<Contract<?>> contracts() {
    return CONTRACTS;
  }

  @Override
  public Object invokeStep(String stepId, StepInvocation in) {
    if (failing.get()) {
      throw new IllegalStateException("the service is down");
    }
    return "done " + in.input(String.class);
  }

  /** Once a year: listed and triggered by the schedule routes' test, never due during a test. */
  @Override
  public List<ScheduleSpec> schedules() {
    return List.of(
        new ScheduleSpec("flaky-yearly", "0 0 1 1 *", "UTC", false, 0, Duration.ofMinutes(1)));
  }

  @Override
  public boolean evaluateCondition(String name, StepInvocation in) {
    throw new IllegalArgumentException("unknown condition " + name);
  }
}

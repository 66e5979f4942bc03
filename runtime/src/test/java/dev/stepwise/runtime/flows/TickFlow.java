package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.step;

import dev.stepwise.runtime.spi.ScheduleSpec;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A scheduled workflow: one step that records the tick it was started for. */
public final class TickFlow {
  /** How often each tick's step ran, by run id; shared by the engines of a test. */
  public final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();

  Instant record(Instant tick, String runId) {
    executions.computeIfAbsent(runId, k -> new AtomicInteger()).incrementAndGet();
    return tick;
  }

  /** What the processor would generate for a workflow {@code name} with these schedules. */
  public static final class Definition implements WorkflowDefinition {
    private final TickFlow flow;
    private final WorkflowGraph graph;
    private final List<ScheduleSpec> schedules;

    public Definition(TickFlow flow, String name, ScheduleSpec... schedules) {
      this.flow = flow;
      this.graph =
          new WorkflowGraph(name, name + "-v1", List.of(step("record")), "record", "flowchart TD");
      this.schedules = List.of(schedules);
    }

    @Override
    public WorkflowGraph graph() {
      return graph;
    }

    @Override
    public List<ScheduleSpec> schedules() {
      return schedules;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) {
      if (!stepId.equals("record")) {
        throw new IllegalArgumentException("unknown step " + stepId);
      }
      return flow.record(in.input(Instant.class), in.context().runId());
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      throw new IllegalArgumentException("unknown condition " + name);
    }
  }
}

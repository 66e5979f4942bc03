package dev.stepwise.runtime.spi;

import dev.stepwise.runtime.spi.validation.Boundary;
import dev.stepwise.runtime.spi.validation.Contract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A workflow as the annotation processor generates it: the graph as data, and a {@code switch} that
 * calls the step and condition methods without reflection. Generated code implements this; user
 * code does not.
 */
public interface WorkflowDefinition {

  /** The graph: steps, edges, retry policies, conditions. */
  WorkflowGraph graph();

  /**
   * Executes one step and returns its output ({@code null} for a void step). Exceptions thrown by
   * the step method propagate unchanged.
   */
  Object invokeStep(String stepId, StepInvocation invocation) throws Exception;

  /** Evaluates the {@code @Condition} method with this name. */
  boolean evaluateCondition(String conditionName, StepInvocation invocation) throws Exception;

  /**
   * The validator and JSON Schema of each value crossing a boundary: the input, each non-void
   * step's output, each resume payload. Empty for definitions generated before validation existed,
   * which are then not validated.
   */
  default List<Contract<?>> contracts() {
    return List.of();
  }

  /** The contract of one boundary, if the workflow has one there. */
  default Optional<Contract<?>> contract(Boundary boundary) {
    for (Contract<?> contract : contracts()) {
      if (contract.boundary().equals(boundary)) {
        return Optional.of(contract);
      }
    }
    return Optional.empty();
  }

  /** How many of its runs may execute at once, and the input path of their concurrency key. */
  default FlowControl flowControl() {
    return FlowControl.NONE;
  }

  /**
   * The run's concurrency key read from its input along {@link FlowControl#concurrencyKeyPath()}
   * (typed navigation, no reflection): a string, or a number as its decimal text; null when the
   * workflow has no key or a value on the path is null.
   */
  default String concurrencyKey(Object input) {
    return null;
  }

  /** Every queue its steps wait for, once each. */
  default List<QueueSpec> queues() {
    List<QueueSpec> queues = new ArrayList<>();
    for (StepSpec step : graph().steps()) {
      QueueSpec queue = step.options().queue();
      if (queue != null && !queues.contains(queue)) {
        queues.add(queue);
      }
    }
    return List.copyOf(queues);
  }

  /**
   * How long its finished runs are kept ({@code @Workflow(retention)}); empty for the engine's
   * default ({@code Stepwise.builder().retention}).
   */
  default Optional<Duration> retention() {
    return Optional.empty();
  }

  /** Its cron schedules ({@code @Schedule}). */
  default List<ScheduleSpec> schedules() {
    return List.of();
  }
}

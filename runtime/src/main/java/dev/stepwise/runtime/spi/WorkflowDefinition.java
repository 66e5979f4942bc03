package dev.stepwise.runtime.spi;

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
}

package com.acme.flow;

import dev.stepwise.Join;
import dev.stepwise.runtime.spi.FlowControl;
import dev.stepwise.runtime.spi.QueueSpec;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepFingerprint;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Boundary;
import dev.stepwise.runtime.spi.validation.Contract;
import dev.stepwise.runtime.spi.validation.Validators;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The graph and dispatch of workflow {@code flow} (FlowWorkflow); registered by {@link FlowWorkflowRunner}.
 */
@Generated("dev.stepwise.processor.WorkflowProcessor")
public final class FlowWorkflowDefinition implements WorkflowDefinition {
  /**
   * Queue {@code llm}, declared by {@link FlowQueues.LlmQueue}.
   */
  static final QueueSpec LLM_QUEUE = new QueueSpec("llm", 8, 2, 1, 50, Duration.ofMillis(1000L));

  /**
   * Queue {@code mail}, declared by {@link FlowQueues.Mail}.
   */
  static final QueueSpec MAIL_QUEUE = new QueueSpec("mail", 4, 0, 0, 0, Duration.ofMillis(1000L));

  static final String MERMAID = "flowchart TD\n"
      + "  summarize[\"summarize\"]\n"
      + "  mail[\"mail\"]\n"
      + "  summarize --> mail\n";

  static final WorkflowGraph GRAPH = new WorkflowGraph(
      "flow",
      "b4f42ef639455297",
      List.of(
          new StepSpec("summarize", List.of(), Join.ALL, RetryPolicy.NONE, null, null, false)
              .withQueue(LLM_QUEUE),
          new StepSpec("mail", List.of("summarize"), Join.ALL, RetryPolicy.NONE, null, null, false)
              .withQueue(MAIL_QUEUE)),
      "mail",
      MERMAID,
      Map.ofEntries(
          Map.entry("summarize", new StepFingerprint("73cc7ce3", "9b122e05", "774bc628", "5bc964e3", "140bedbf", "e3b0c442")),
          Map.entry("mail", new StepFingerprint("73cc7ce3", "be6da3ce", "3aed7afe", "5bc964e3", "140bedbf", "e3b0c442"))));

  static final List<Contract<?>> CONTRACTS = List.of(
      new Contract<FlowWorkflow.Request>(
          Boundary.input(),
          FlowWorkflow.Request.class,
          FlowWorkflow_RequestValidator.INSTANCE,
          FlowWorkflowSchemas.INPUT),
      new Contract<String>(
          Boundary.output("summarize"),
          String.class,
          Validators.none(),
          FlowWorkflowSchemas.OUTPUT_SUMMARIZE),
      new Contract<String>(
          Boundary.output("mail"),
          String.class,
          Validators.none(),
          FlowWorkflowSchemas.OUTPUT_MAIL));

  static final FlowControl FLOW_CONTROL = new FlowControl("customer.id", 100, 1);

  private final FlowWorkflow workflow;

  public FlowWorkflowDefinition(FlowWorkflow workflow) {
    this.workflow = Objects.requireNonNull(workflow, "workflow");
  }

  @Override
  public WorkflowGraph graph() {
    return GRAPH;
  }

  @Override
  public List<Contract<?>> contracts() {
    return CONTRACTS;
  }

  @Override
  public FlowControl flowControl() {
    return FLOW_CONTROL;
  }

  /**
   * Reads "customer.id" from the input; null if a value on the way is null.
   */
  @Override
  public String concurrencyKey(Object input) {
    FlowWorkflow.Request value = (FlowWorkflow.Request) input;
    if (value == null) {
      return null;
    }
    var value1 = value.customer();
    if (value1 == null) {
      return null;
    }
    return value1.id();
  }

  @Override
  public Object invokeStep(String stepId, StepInvocation invocation) throws Exception {
    switch (stepId) {
      case "summarize":
        return workflow.summarize(invocation.input(FlowWorkflow.Request.class));
      case "mail":
        return workflow.mail(invocation.output("summarize", String.class));
      default:
        throw new IllegalArgumentException("Unknown step \"" + stepId + "\" in workflow \"flow\"");
    }
  }

  @Override
  public boolean evaluateCondition(String conditionName, StepInvocation invocation) throws
      Exception {
    switch (conditionName) {
      default:
        throw new IllegalArgumentException("Unknown condition \"" + conditionName + "\" in workflow \"flow\"");
    }
  }
}

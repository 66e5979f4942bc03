package com.acme.shop;

import dev.stepwise.Join;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepFingerprint;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Boundary;
import dev.stepwise.runtime.spi.validation.Contract;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The graph and dispatch of workflow {@code shop} (ShopWorkflow); registered by {@link ShopWorkflowRunner}.
 */
@Generated("dev.stepwise.processor.WorkflowProcessor")
public final class ShopWorkflowDefinition implements WorkflowDefinition {
  static final String MERMAID = "flowchart TD\n"
      + "  checkout[\"checkout\"]\n";

  static final WorkflowGraph GRAPH = new WorkflowGraph(
      "shop",
      "58e9837c53c9b0ad",
      List.of(
          new StepSpec("checkout", List.of(), Join.ALL, RetryPolicy.NONE, null, null, false)),
      "checkout",
      MERMAID,
      Map.ofEntries(
          Map.entry("checkout", new StepFingerprint("dd341272", "a9651c0f", "774bc628", "5bc964e3", "140bedbf", "e3b0c442"))));

  static final List<Contract<?>> CONTRACTS = List.of(
      new Contract<ShopModel.Order>(
          Boundary.input(),
          ShopModel.Order.class,
          ShopModel_OrderValidator.INSTANCE,
          ShopWorkflowSchemas.INPUT),
      new Contract<ShopModel.Receipt>(
          Boundary.output("checkout"),
          ShopModel.Receipt.class,
          ShopModel_ReceiptValidator.INSTANCE,
          ShopWorkflowSchemas.OUTPUT_CHECKOUT));

  private final ShopWorkflow workflow;

  public ShopWorkflowDefinition(ShopWorkflow workflow) {
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
  public Object invokeStep(String stepId, StepInvocation invocation) throws Exception {
    switch (stepId) {
      case "checkout":
        return workflow.checkout(invocation.input(ShopModel.Order.class));
      default:
        throw new IllegalArgumentException("Unknown step \"" + stepId + "\" in workflow \"shop\"");
    }
  }

  @Override
  public boolean evaluateCondition(String conditionName, StepInvocation invocation) throws
      Exception {
    switch (conditionName) {
      default:
        throw new IllegalArgumentException("Unknown condition \"" + conditionName + "\" in workflow \"shop\"");
    }
  }
}

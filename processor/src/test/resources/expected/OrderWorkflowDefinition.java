package com.acme;

import dev.stepwise.Join;
import dev.stepwise.runtime.spi.PathValues;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepFingerprint;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Boundary;
import dev.stepwise.runtime.spi.validation.Contract;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The graph and dispatch of workflow {@code order} (OrderWorkflow); registered by {@link OrderWorkflowRunner}.
 */
@Generated("dev.stepwise.processor.WorkflowProcessor")
public final class OrderWorkflowDefinition implements WorkflowDefinition {
  static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(3, Duration.ofMillis(200L), 2.0,
      Duration.ofMillis(300000L), 0.2, List.of(), List.of());

  static final RetryPolicy CHARGE_RETRY = new RetryPolicy(8, Duration.ofMillis(1000L), 2.0,
      Duration.ofMillis(60000L), 0.3, List.of(IOException.class),
      List.of(IllegalArgumentException.class));

  static final String MERMAID = "flowchart TD\n"
      + "  reserve[\"reserve\"]\n"
      + "  charge[\"charge\"]\n"
      + "  ship[\"ship\"]\n"
      + "  approve[\"approve<br/>when isLarge\"]\n"
      + "  reserve --> charge\n"
      + "  reserve --> ship\n"
      + "  charge --> approve\n"
      + "  ship --> approve\n";

  static final WorkflowGraph GRAPH = new WorkflowGraph(
      "order",
      "99373d20849eee36",
      List.of(
          new StepSpec("reserve", List.of(), Join.ALL, DEFAULT_RETRY, null, null, false),
          new StepSpec("charge", List.of("reserve"), Join.ALL, CHARGE_RETRY, null, null, false),
          new StepSpec("ship", List.of("reserve"), Join.ALL, DEFAULT_RETRY, null, null, false),
          new StepSpec("approve", List.of("charge", "ship"), Join.ALL, DEFAULT_RETRY, "isLarge", null, true)),
      "approve",
      MERMAID,
      Map.ofEntries(
          Map.entry("reserve", new StepFingerprint("33c643b4", "f100e066", "774bc628", "5bc964e3", "140bedbf", "e3b0c442")),
          Map.entry("charge", new StepFingerprint("1e9f1208", "e474d43b", "c45ab406", "5bc964e3", "140bedbf", "e3b0c442")),
          Map.entry("ship", new StepFingerprint("92dfcb63", "af8b033e", "c45ab406", "5bc964e3", "140bedbf", "e3b0c442")),
          Map.entry("approve", new StepFingerprint("1be8a87c", "682d454c", "ca7f9f0f", "2063439c", "2ae52c05", "e3b0c442"))));

  static final List<Contract<?>> CONTRACTS = List.of(
      new Contract<OrderModel.OrderRequest>(
          Boundary.input(),
          OrderModel.OrderRequest.class,
          OrderModel_OrderRequestValidator.INSTANCE,
          OrderWorkflowSchemas.INPUT),
      new Contract<OrderModel.Reservation>(
          Boundary.output("reserve"),
          OrderModel.Reservation.class,
          OrderModel_ReservationValidator.INSTANCE,
          OrderWorkflowSchemas.OUTPUT_RESERVE),
      new Contract<OrderModel.Payment>(
          Boundary.output("charge"),
          OrderModel.Payment.class,
          OrderModel_PaymentValidator.INSTANCE,
          OrderWorkflowSchemas.OUTPUT_CHARGE),
      new Contract<OrderModel.Shipment>(
          Boundary.output("ship"),
          OrderModel.Shipment.class,
          OrderModel_ShipmentValidator.INSTANCE,
          OrderWorkflowSchemas.OUTPUT_SHIP),
      new Contract<OrderModel.Approval>(
          Boundary.output("approve"),
          OrderModel.Approval.class,
          OrderModel_ApprovalValidator.INSTANCE,
          OrderWorkflowSchemas.OUTPUT_APPROVE),
      new Contract<OrderModel.Decision>(
          Boundary.resume("approve"),
          OrderModel.Decision.class,
          OrderModel_DecisionValidator.INSTANCE,
          OrderWorkflowSchemas.RESUME_APPROVE));

  private final OrderWorkflow workflow;

  public OrderWorkflowDefinition(OrderWorkflow workflow) {
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
      case "reserve":
        return workflow.reserve(invocation.input(OrderModel.OrderRequest.class));
      case "charge":
        return workflow.charge(invocation.input(OrderModel.OrderRequest.class),
            invocation.output("reserve", OrderModel.Reservation.class));
      case "ship":
        return workflow.ship(readShipTo(invocation.output("reserve", OrderModel.Reservation.class)));
      case "approve":
        return workflow.approve(invocation.output("charge", OrderModel.Payment.class),
            invocation.resumePayload(OrderModel.Decision.class), invocation.context());
      default:
        throw new IllegalArgumentException("Unknown step \"" + stepId + "\" in workflow \"order\"");
    }
  }

  @Override
  public boolean evaluateCondition(String conditionName, StepInvocation invocation) throws
      Exception {
    switch (conditionName) {
      case "isLarge":
        return workflow.isLarge(invocation.input(OrderModel.OrderRequest.class));
      default:
        throw new IllegalArgumentException("Unknown condition \"" + conditionName + "\" in workflow \"order\"");
    }
  }

  /**
   * Reads "address" from the output of step "reserve".
   */
  private static OrderModel.Address readShipTo(OrderModel.Reservation value) {
    return PathValues.require(value, "reserve", "").address();
  }
}

package com.acme;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.StepResult;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * A run of workflow {@code order} (OrderWorkflow) with typed step outputs.
 */
@Generated("dev.stepwise.processor.WorkflowProcessor")
public final class OrderWorkflowResult {
  private final RunStatus run;

  private final StepResult<OrderModel.Reservation> reserve;

  private final StepResult<OrderModel.Payment> charge;

  private final StepResult<OrderModel.Shipment> ship;

  private final StepResult<OrderModel.Approval> approve;

  OrderWorkflowResult(RunStatus run, WorkflowClient client) {
    this.run = run;
    this.reserve = client.stepResult(run, "reserve", OrderModel.Reservation.class);
    this.charge = client.stepResult(run, "charge", OrderModel.Payment.class);
    this.ship = client.stepResult(run, "ship", OrderModel.Shipment.class);
    this.approve = client.stepResult(run, "approve", OrderModel.Approval.class);
  }

  /**
   * The run id.
   */
  public String runId() {
    return run.runId();
  }

  /**
   * The run's status.
   */
  public Status status() {
    return run.status();
  }

  /**
   * The untyped snapshot this result was decoded from.
   */
  public RunStatus run() {
    return run;
  }

  /**
   * True if the run succeeded.
   */
  public boolean isSucceeded() {
    return run.status() == Status.SUCCEEDED;
  }

  /**
   * Step {@code reserve}: status and output.
   */
  public StepResult<OrderModel.Reservation> reserve() {
    return reserve;
  }

  /**
   * Step {@code charge}: status and output.
   */
  public StepResult<OrderModel.Payment> charge() {
    return charge;
  }

  /**
   * Step {@code ship}: status and output.
   */
  public StepResult<OrderModel.Shipment> ship() {
    return ship;
  }

  /**
   * Step {@code approve}: status and output.
   */
  public StepResult<OrderModel.Approval> approve() {
    return approve;
  }

  /**
   * The error that failed the run, if it failed.
   */
  public Optional<StepError> error() {
    return Optional.ofNullable(run.error());
  }

  /**
   * The workflow's output: the output of step {@code approve}, or null unless it succeeded.
   */
  public OrderModel.Approval output() {
    return approve.succeeded() ? approve.output() : null;
  }

  @Override
  public String toString() {
    return "OrderWorkflowResult{runId=" + run.runId() + ", status=" + run.status()
            + ", reserve=" + reserve.status()
            + ", charge=" + charge.status()
            + ", ship=" + ship.status()
            + ", approve=" + approve.status()
            + "}";
  }
}

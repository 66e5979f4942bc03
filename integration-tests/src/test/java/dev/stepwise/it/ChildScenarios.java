package dev.stepwise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.it.flows.ParentFlow;
import dev.stepwise.it.flows.ParentFlowResult;
import dev.stepwise.it.flows.ParentFlowRunner;
import dev.stepwise.it.flows.ShipmentFlow;
import dev.stepwise.it.flows.ShipmentFlowRunner;
import dev.stepwise.runtime.ChildWorkflowException;
import dev.stepwise.runtime.RunHandle;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepStatus;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.testing.Await;
import org.junit.jupiter.api.Test;

/**
 * Mastra's nested workflows: a step runs a child workflow and waits durably; the child's steps show
 * under the parent; a suspended child is resumed through the parent; cancel cascades.
 */
interface ChildScenarios extends Scenario {

  @Test
  default void aStepRunsAChildWorkflowAndContinuesWithItsOutput() {
    Stepwise engine = engine();
    ShipmentFlowRunner shipments = new ShipmentFlowRunner(engine, new ShipmentFlow());
    ParentFlowRunner parents = new ParentFlowRunner(engine, new ParentFlow(shipments));
    engine.start();

    String runId = parents.startAsync("books").runId();
    ParentFlowResult r = parents.awaitCompletion(runId, WAIT);

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.output()).isEqualTo("closed: box(books) labelled");
    // The child's steps show under the parent's step.
    assertThat(r.run().step("ship/pack").map(StepStatus::status)).contains(Status.SUCCEEDED);
    assertThat(r.run().step("ship/label").map(StepStatus::status)).contains(Status.SUCCEEDED);
    assertThat(shipments.status(runId + "/ship").status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  default void aHandleOfAParentThatFinishedShowsItsChildsStepsAsAReadDoes() {
    Stepwise engine = engine();
    ShipmentFlowRunner shipments = new ShipmentFlowRunner(engine, new ShipmentFlow());
    ParentFlowRunner parents = new ParentFlowRunner(engine, new ParentFlow(shipments));
    engine.start();

    RunHandle<ParentFlowResult> handle = parents.startAsync("maps");
    // Nobody awaits the run while it runs: the handle alone takes its final status.
    Await.until(
        "the parent run finished",
        WAIT,
        () -> parents.status(handle.runId()).status() == Status.SUCCEEDED);
    ParentFlowResult r = handle.awaitCompletion(WAIT);

    assertThat(r.run().step("ship/pack").map(StepStatus::status)).contains(Status.SUCCEEDED);
    assertThat(r.run()).isEqualTo(parents.status(handle.runId()));
  }

  @Test
  default void aSuspendedChildShowsOnItsParentAndIsResumedThroughIt() {
    Stepwise engine = engine();
    ShipmentFlowRunner shipments = new ShipmentFlowRunner(engine, new ShipmentFlow());
    ParentFlowRunner parents = new ParentFlowRunner(engine, new ParentFlow(shipments));
    engine.start();

    String runId = parents.startAsync("glass vase").runId();
    Await.until(
        "the child's inspect step is suspended, as seen from the parent",
        WAIT,
        () -> parents.status(runId).status() == Status.SUSPENDED);
    ParentFlowResult parked = parents.result(runId);
    assertThat(parked.ship().status()).isEqualTo(Status.WAITING);
    StepStatus inspect = parked.run().step("ship/inspect").orElseThrow();
    assertThat(inspect.status()).isEqualTo(Status.SUSPENDED);
    assertThat(inspect.suspendReason()).isEqualTo("fragile: inspect box(glass vase)");

    parents.resumeChild(runId, "ship/inspect", "Ines");

    ParentFlowResult done = parents.awaitCompletion(runId, WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(done.output()).isEqualTo("closed: box(glass vase) inspected by Ines labelled");
  }

  @Test
  default void cancellingTheParentCancelsTheChild() {
    Stepwise engine = engine();
    ShipmentFlowRunner shipments = new ShipmentFlowRunner(engine, new ShipmentFlow());
    ParentFlowRunner parents = new ParentFlowRunner(engine, new ParentFlow(shipments));
    engine.start();

    String runId = parents.startAsync("glass bowl").runId();
    Await.until(
        "the child is suspended", WAIT, () -> parents.status(runId).status() == Status.SUSPENDED);

    assertThat(parents.cancel(runId)).isTrue();

    assertThat(parents.status(runId).status()).isEqualTo(Status.CANCELLED);
    assertThat(shipments.status(runId + "/ship").status()).isEqualTo(Status.CANCELLED);
    assertThat(shipments.status(runId + "/ship").step("inspect").orElseThrow().status())
        .isEqualTo(Status.CANCELLED);
  }

  @Test
  default void aFailedChildFailsTheParentsStep() {
    Stepwise engine = engine();
    ShipmentFlowRunner shipments = new ShipmentFlowRunner(engine, new ShipmentFlow());
    ParentFlowRunner parents = new ParentFlowRunner(engine, new ParentFlow(shipments));
    engine.start();

    String runId = parents.startAsync("lost").runId();
    ParentFlowResult r = parents.awaitCompletion(runId, WAIT);

    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.ship().status()).isEqualTo(Status.FAILED);
    assertThat(r.ship().error().type()).isEqualTo(ChildWorkflowException.class.getName());
    assertThat(r.ship().error().message())
        .contains("is FAILED (step \"pack\": the parcel was lost)");
  }
}

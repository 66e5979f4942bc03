package dev.stepwise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.it.flows.CustomerOrderFlow;
import dev.stepwise.it.flows.CustomerOrderFlow.Customer;
import dev.stepwise.it.flows.CustomerOrderFlow.Order;
import dev.stepwise.it.flows.CustomerOrderFlowRunner;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Flow control declared with annotations, through the generated runner: one run per customer at a
 * time, keyed by a path into the input the compiler checked, and a queue shared by the charges.
 */
interface FlowControlScenarios extends Scenario {

  @Test
  default void oneOrderRunPerCustomerAtATimeAndTwoChargesAtOnce() throws Exception {
    Stepwise engine = engine(b -> b.workers(8));
    CustomerOrderFlow flow = new CustomerOrderFlow();
    CustomerOrderFlowRunner runner = new CustomerOrderFlowRunner(engine, flow);
    engine.start();

    String blocked = runner.startAsync(new Order(new Customer("blocked", "B"), 0)).runId();
    assertThat(flow.blockedReserved.await(30, TimeUnit.SECONDS)).isTrue();
    String waiting = runner.startAsync(new Order(new Customer("blocked", "B"), 1)).runId();
    List<String> others = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      others.add(runner.startAsync(new Order(new Customer("c" + (i % 4), "C"), i)).runId());
    }
    for (String runId : others) {
      assertThat(runner.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    }
    // The other customers' orders all went through while this one held its customer's slot.
    assertThat(runner.status(waiting).status()).isEqualTo(Status.QUEUED);
    assertThat(runner.status(waiting).steps().get(0).queued().concurrencyKey())
        .isEqualTo("blocked");

    flow.release.countDown();
    assertThat(runner.awaitCompletion(blocked, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(runner.awaitCompletion(waiting, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.confirmed).hasSize(14).endsWith("blocked/1");
    assertThat(flow.mostOpenForOneCustomer.get()).isEqualTo(1);
    assertThat(flow.mostCharging.get()).isBetween(1, 2);
  }
}

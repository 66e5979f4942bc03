package dev.stepwise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.it.flows.WideFanOutFlow;
import dev.stepwise.it.flows.WideFanOutFlowResult;
import dev.stepwise.it.flows.WideFanOutFlowRunner;
import dev.stepwise.runtime.RunHandle;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A wide {@code @Parallel} fan-out: its parent row counts the elements and each element row carries
 * its element, so an element costs the same however many there are; runs written before that
 * (schema V16) finish too.
 */
interface WideFanOutScenarios extends Scenario {

  @Test
  default void aFanOutOfAThousandElementsSucceedsWithEveryResultInOrder() {
    Stepwise engine = engine();
    WideFanOutFlowRunner runner = new WideFanOutFlowRunner(engine, new WideFanOutFlow());
    engine.start();

    WideFanOutFlowResult r = runner.start(1_000);

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.each().output()).hasSize(1_000).startsWith("n0", "n1").endsWith("n999");
    assertThat(r.output()).isEqualTo(1_000);
  }

  @Test
  default void aRetriedRunFinishesItsFanOutWithTheElementsThatSucceededBefore() {
    Stepwise engine = engine();
    WideFanOutFlow flow = new WideFanOutFlow();
    flow.failing.add(7);
    WideFanOutFlowRunner runner = new WideFanOutFlowRunner(engine, flow);
    engine.start();

    WideFanOutFlowResult failed = runner.start(20);
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.each().error().message()).isEqualTo("element 7 fails");

    flow.failing.clear();
    assertThat(runner.retry(failed.run().runId())).isTrue();
    WideFanOutFlowResult retried = runner.awaitCompletion(failed.run().runId(), WAIT);

    assertThat(retried.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(retried.output()).isEqualTo(20);
  }

  /**
   * A run whose fan-out started before parents counted their elements and element rows carried
   * their element: its counts are taken from its rows once, its elements from the list.
   */
  @Test
  default void aFanOutWrittenBeforeRowsCarriedTheirCountsAndElementsFinishes() throws Exception {
    Stepwise engine = engine(b -> b.workers(1));
    WideFanOutFlow flow = new WideFanOutFlow();
    flow.gate = new CountDownLatch(1);
    WideFanOutFlowRunner runner = new WideFanOutFlowRunner(engine, flow);
    engine.start();

    RunHandle<WideFanOutFlowResult> handle = runner.startAsync(30);
    // The one worker holds element 0; the other 29 rows wait in the queue.
    assertThat(flow.firstElementRunning.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    try (Connection c = database().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE "
                    + (schema() == null ? "" : schema() + ".")
                    + "sw_steps SET item = NULL, items_total = NULL, items_started = NULL,"
                    + " items_succeeded = NULL WHERE run_id = ?")) {
      s.setString(1, handle.runId());
      assertThat(s.executeUpdate()).isGreaterThan(30);
    }
    flow.gate.countDown();

    WideFanOutFlowResult r = handle.awaitCompletion(WAIT);
    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.output()).isEqualTo(30);
  }
}

package dev.stepwise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.it.flows.HeartbeatFlow;
import dev.stepwise.it.flows.HeartbeatFlowRunner;
import dev.stepwise.runtime.ScheduleStatus;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.testing.Await;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A schedule declared with {@code @Schedule}, through the generated definition. */
interface ScheduleScenarios extends Scenario {

  @Test
  default void anAnnotatedScheduleStartsOneRunPerTickWithTheTickAsInput() {
    Stepwise engine = engine();
    HeartbeatFlow flow = new HeartbeatFlow();
    new HeartbeatFlowRunner(engine, flow);
    engine.start();

    Await.until("three ticks ran", WAIT, () -> flow.ticks.size() >= 3);

    List<Instant> ticks = List.copyOf(flow.ticks);
    for (int i = 1; i < ticks.size(); i++) {
      assertThat(ticks.get(i)).isEqualTo(ticks.get(i - 1).plusSeconds(1));
    }
    ScheduleStatus status = engine.schedules().find("it-heartbeat").orElseThrow();
    assertThat(status.workflow()).isEqualTo("it-heartbeat");
    assertThat(status.zone()).isEqualTo("Europe/Paris");
    assertThat(status.paused()).isFalse();
    assertThat(status.lastRunId()).startsWith("it-heartbeat@");
    engine.schedules().pause("it-heartbeat");
    assertThat(engine.schedules().find("it-heartbeat").orElseThrow().paused()).isTrue();
  }
}

package dev.stepwise.it.flows;

import dev.stepwise.Input;
import dev.stepwise.Schedule;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Started every second by its schedule; records the ticks it was started for. */
@Workflow(name = "it-heartbeat")
@Schedule(cron = "*/1 * * * * *", zone = "Europe/Paris", tolerance = "30s")
public class HeartbeatFlow {
  public final List<Instant> ticks = new CopyOnWriteArrayList<>();

  @Step
  String beat(@Input Instant tick) {
    ticks.add(tick);
    return "beat at " + tick;
  }
}

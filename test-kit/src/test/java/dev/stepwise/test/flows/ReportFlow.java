package dev.stepwise.test.flows;

import dev.stepwise.Input;
import dev.stepwise.Schedule;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A report every ten minutes, on a cron schedule; records the ticks it ran for. */
@Workflow(name = "kit-report")
@Schedule(cron = "0 */10 * * * *")
public class ReportFlow {
  public final List<Instant> ticks = new CopyOnWriteArrayList<>();

  @Step
  String build(@Input Instant tick) {
    ticks.add(tick);
    return "report of " + tick;
  }
}

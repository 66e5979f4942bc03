package com.acme.flow;

import dev.stepwise.Input;
import dev.stepwise.Missed;
import dev.stepwise.Schedule;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.time.Instant;

@Workflow(
    name = "nightly-report",
    queue = FlowQueues.Mail.class,
    maxParallelism = 1,
    retention = "30d")
@Schedule(cron = "0 3 * * *", zone = "Europe/Paris", onMissed = Missed.CATCH_UP, catchUp = 3)
@Schedule(name = "nightly-report-noon", cron = "0 0 12 * * MON-FRI", tolerance = "5m")
public class NightlyReport {
  @Step
  String build(@Input Instant tick) {
    return "report of " + tick;
  }
}

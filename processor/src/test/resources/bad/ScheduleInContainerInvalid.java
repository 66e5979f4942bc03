package bad;

import dev.stepwise.Schedule;
import dev.stepwise.Schedules;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "nightly")
@Schedules({
  @Schedule(name = "morning", cron = "0 3 * * *"),
  @Schedule(name = "evening", cron = "0 15 * * * * *")
})
class ScheduleInContainerInvalid {
  @Step
  String report() {
    return "r";
  }
}

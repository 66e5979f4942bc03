package bad;

import dev.stepwise.Schedule;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "nightly")
@Schedule(cron = "0 3 * * *")
@Schedule(cron = "0 15 * * *")
class ScheduleNameDuplicate {
  @Step
  String report() {
    return "r";
  }
}

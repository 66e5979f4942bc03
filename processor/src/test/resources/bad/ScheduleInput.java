package bad;

import dev.stepwise.Input;
import dev.stepwise.Schedule;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "nightly")
@Schedule(cron = "0 3 * * *")
class ScheduleInput {
  @Step
  String report(@Input String day) {
    return day;
  }
}

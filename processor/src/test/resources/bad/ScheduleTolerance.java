package bad;

import dev.stepwise.Input;
import dev.stepwise.Missed;
import dev.stepwise.Schedule;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.time.Instant;

@Workflow(name = "nightly")
@Schedule(cron = "0 3 * * *", tolerance = "1 minute")
class ScheduleTolerance {
  @Step
  String report(@Input Instant tick) {
    return tick.toString();
  }
}

package bad;

import dev.stepwise.Input;
import dev.stepwise.Missed;
import dev.stepwise.Schedule;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.time.Instant;

@Workflow(name = "nightly")
@Schedule(cron = "0 3 * * *", onMissed = Missed.CATCH_UP, catchUp = -1)
class ScheduleCatchUpNegative {
  @Step
  String report(@Input Instant tick) {
    return tick.toString();
  }
}

package bad;

import dev.stepwise.Schedule;

@Schedule(cron = "0 3 * * *")
class ScheduleWithoutWorkflow {
  String report() {
    return "r";
  }
}

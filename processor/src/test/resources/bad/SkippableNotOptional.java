package bad;

import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Join;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.Optional;

@Workflow(name = "skippable")
class SkippableNotOptional {
  @Step(when = "isLarge")
  String approve() {
    return "a";
  }

  @Step(unless = "isLarge")
  String autoApprove() {
    return "auto";
  }

  @Step
  @After("approve")
  String audit(@From("approve") String approval) {
    return approval;
  }

  @Step
  @After(value = {"approve", "autoApprove"}, join = Join.ANY)
  String merge(@From("approve") Optional<String> manual, @From("autoApprove") Optional<String> auto) {
    return manual.orElseGet(auto::orElseThrow);
  }

  @Step
  @After({"audit", "merge"})
  String archive(@From("audit") String audited, @From("merge") String merged) {
    return audited + merged;
  }

  @Condition
  boolean isLarge(@Input Integer total) {
    return total > 1000;
  }
}

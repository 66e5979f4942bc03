package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "similar-ids")
class SimilarStepIds {
  @Step
  String chargeCard() {
    return "a";
  }

  @Step(id = "charge_card")
  String chargeAgain() {
    return "b";
  }
}

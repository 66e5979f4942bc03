package bad;

import dev.stepwise.Resume;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.Map;
import java.util.Optional;

@Workflow(name = "map-key")
class TypeMapKey {
  record Scores(Map<Integer, String> byRank) {}

  @Step
  String rank(@Resume Optional<Scores> scores, StepContext ctx) {
    return scores.map(Object::toString).orElseGet(() -> ctx.suspend("rank them"));
  }
}

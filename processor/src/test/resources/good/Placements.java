package good;

import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.Event;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Item;
import dev.stepwise.Parallel;
import dev.stepwise.Resume;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.List;
import java.util.Optional;

/** Every DSL annotation where it takes effect, next to plain methods and a plain constructor. */
@Workflow(name = "placements")
@Retry(attempts = 2)
class Placements {
  private final String prefix;

  Placements(String prefix) {
    this.prefix = prefix;
  }

  @Step
  List<String> search(@Input String query) {
    return List.of(prefix + query);
  }

  @Step
  @After("search")
  @Parallel(over = "search", maxConcurrency = 2)
  @Retry(attempts = 3)
  String fetch(@Item String page) {
    return normalize(page);
  }

  @Step(when = "isLarge")
  @After("fetch")
  String approve(
      @From("fetch") List<String> pages, @Resume Optional<String> decision, StepContext ctx) {
    return decision.orElseGet(() -> ctx.suspend(pages.size() + " pages need a decision"));
  }

  @Step
  String notifyTeam(@Event("approved") String by) {
    return by;
  }

  @Condition
  boolean isLarge(@Input String query, @From("search") List<String> found) {
    return found.size() > 10 || query.length() > 100;
  }

  String normalize(String page) {
    return page.trim();
  }
}

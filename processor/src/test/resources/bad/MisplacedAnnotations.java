package bad;

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
import java.util.List;
import java.util.Optional;

@Workflow(name = "misplaced")
class MisplacedAnnotations {
  @Step
  List<String> search(@Input String query) {
    return List.of(query);
  }

  @After("search")
  @Parallel(over = "search")
  @Retry(attempts = 2)
  String fetch(@Item String page) {
    return page;
  }

  @Condition
  @Retry(attempts = 3)
  boolean isLarge(@Input String query) {
    return query.length() > 10;
  }

  String helper(@From("search") List<String> pages, @Resume Optional<String> decision) {
    return pages + " " + decision;
  }

  String waitFor(@Event("approved") String by) {
    return by;
  }

  MisplacedAnnotations(@Input String prefix) {}

  @Retry(attempts = 4)
  static class Helpers {}
}

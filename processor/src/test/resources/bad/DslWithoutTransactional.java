package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;
import org.jooq.DSLContext;

@Workflow(name = "dsl-alone")
class DslWithoutTransactional {
  @Step
  String book(DSLContext tx) {
    return "booked";
  }
}

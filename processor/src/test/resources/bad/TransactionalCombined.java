package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;
import org.jooq.DSLContext;

@Workflow(name = "tx-timeout")
class TransactionalCombined {
  @Step(transactional = true, timeout = "5s")
  String book(DSLContext tx) {
    return "booked";
  }
}

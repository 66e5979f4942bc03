package good;

import dev.stepwise.Step;
import dev.stepwise.Workflow;
import org.jooq.DSLContext;

@Workflow(name = "tx")
class TxWorkflow {
  @Step(transactional = true)
  int book(DSLContext tx) {
    return tx.execute("UPDATE accounts SET balance = balance - 1");
  }
}

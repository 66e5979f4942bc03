package dev.stepwise.test.flows;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import org.jooq.DSLContext;

/**
 * Books an entry in the application's own table {@code ledger}, created by the application's own
 * migration on the engine's database: inside the transaction that records the step's result.
 */
@Workflow(name = "kit-ledger")
public class LedgerFlow {

  @Step(transactional = true)
  int book(@Input String entry, DSLContext tx) {
    return tx.insertInto(table(name("LEDGER")), field(name("ENTRY"))).values(entry).execute();
  }
}

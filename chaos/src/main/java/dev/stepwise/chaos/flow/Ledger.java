package dev.stepwise.chaos.flow;

import dev.stepwise.runtime.StepContext;
import org.jooq.DSLContext;

/**
 * The application's table the transactional step writes to: one row per execution that committed.
 * It has no unique key on the run on purpose: a key would turn a second write into a failed step
 * and hide it, while the soak must count it.
 */
public final class Ledger {
  public static final String TABLE = "soak_ledger";

  private Ledger() {}

  /** Creates the table; run once by the controller before any worker starts. */
  public static String createTable() {
    return "CREATE TABLE "
        + TABLE
        + " (id BIGSERIAL PRIMARY KEY, run_id VARCHAR(128) NOT NULL, attempt INTEGER NOT NULL,"
        + " node VARCHAR(200) NOT NULL, written_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())";
  }

  /** Writes this execution's row through the step's transaction. */
  static void write(DSLContext tx, StepContext ctx, String node) {
    tx.execute(
        "INSERT INTO " + TABLE + " (run_id, attempt, node) VALUES (?, ?, ?)",
        ctx.runId(),
        ctx.attempt(),
        node);
  }
}

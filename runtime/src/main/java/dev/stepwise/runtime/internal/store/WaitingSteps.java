package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;

import dev.stepwise.runtime.Status;
import java.time.Instant;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * WAITING -> PENDING, the one update that puts waiting steps back in the queue, whatever they
 * waited for (an event, a timer, an event's deadline). Callers hold the run lock.
 */
public final class WaitingSteps {
  private WaitingSteps() {}

  /**
   * Queues the rows {@code which} selects (it must select WAITING rows only); returns how many.
   * {@code wait_until} stays: for an event wait it tells the worker whether the wait timed out.
   */
  public static int wake(DSLContext tx, Condition which, Instant now) {
    return tx.update(SW_STEPS)
        .set(SW_STEPS.STATUS, Status.PENDING.name())
        .set(SW_STEPS.NOT_BEFORE, odt(now))
        .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
        .where(which)
        .execute();
  }
}

package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.store.DatabaseFailures;
import org.slf4j.Logger;

/**
 * The log of one background loop's database work: an outage is logged once when it starts (not at
 * every poll while it lasts) and once when it ends; any other failure with its stack trace, each
 * time. Public for the schedule keeper ({@code internal.schedule}).
 */
public final class OutageLog {
  private final Logger log;
  private final String what;
  private boolean inOutage;

  /**
   * @param what the loop's work, as in "claiming steps"
   */
  public OutageLog(Logger log, String what) {
    this.log = log;
    this.what = what;
  }

  public synchronized void failed(Throwable e) {
    if (!DatabaseFailures.isTransient(e)) {
      log.warn("{} failed", what, e);
      return;
    }
    if (!inOutage) {
      inOutage = true;
      log.warn("{} failed: the database is unavailable ({}); trying again", what, e.toString());
    } else {
      log.debug("{} failed again: the database is still unavailable", what, e);
    }
  }

  public synchronized void succeeded() {
    if (inOutage) {
      inOutage = false;
      log.info("{} works again: the database is back", what);
    }
  }
}

package dev.stepwise.runtime.internal.store;

import java.time.Duration;
import org.jooq.DSLContext;

/**
 * How long a transaction may wait for a row lock, where the database lets a transaction say so
 * (PostgreSQL's {@code SET LOCAL lock_timeout}); a lock wait cut short throws an error that {@link
 * DatabaseFailures#isLockTimeout} recognises. Each database's {@code Dialect} provides one.
 */
public interface LockWaits {
  /** No bound beyond the database's own (H2's {@code LOCK_TIMEOUT}, one node only). */
  LockWaits UNBOUNDED = (tx, wait) -> {};

  /** Bounds the lock waits of the rest of transaction {@code tx} to {@code wait}. */
  void bound(DSLContext tx, Duration wait);
}

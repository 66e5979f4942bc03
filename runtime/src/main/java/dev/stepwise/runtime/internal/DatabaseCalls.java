package dev.stepwise.runtime.internal;

import dev.stepwise.runtime.DatabaseUnavailableException;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.internal.store.DatabaseFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The calls of the public API that reach the database: an outage comes out of them as a {@link
 * DatabaseUnavailableException} that says what could not be done and why, never as a driver's or a
 * pool's exception.
 */
final class DatabaseCalls {
  // Daemon threads, started only when a read must be bounded; idle ones end after a minute.
  private static final ExecutorService BOUNDED_READS =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          60,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          r -> {
            Thread t = new Thread(r, "stepwise-bounded-read");
            t.setDaemon(true);
            return t;
          });

  private final Duration timeout;

  DatabaseCalls(Duration timeout) {
    this.timeout = timeout;
  }

  /** Runs {@code call}, which is to {@code what} ("start a run of workflow \"x\""). */
  <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (DatabaseUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      if (DatabaseFailures.isTransient(e)) {
        throw unavailable(what, e);
      }
      throw e;
    }
  }

  void run(String what, Runnable call) {
    call(
        what,
        () -> {
          call.run();
          return null;
        });
  }

  /**
   * Runs a read of a call that must return by {@code deadline} (null: no deadline). The pool may
   * keep a caller waiting for a connection as long as the database timeout: when less time than
   * that is left, the read runs on another thread and is given up at the deadline, so that the call
   * keeps to its own timeout.
   */
  <T> T within(Instant deadline, Supplier<T> read) {
    if (deadline == null) {
      return read.get();
    }
    Duration left = Duration.between(Instant.now(), deadline);
    if (left.compareTo(timeout.multipliedBy(2)) > 0) {
      return read.get();
    }
    Future<T> answer = BOUNDED_READS.submit(read::get);
    try {
      return answer.get(Math.max(1, left.toNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new NoAnswerInTime(left);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer.cancel(true);
      throw new StepwiseException("Interrupted while reading from the database", e);
    }
  }

  /** Whether {@code e} says the database did not answer (down, or too slow for the deadline). */
  boolean isOutage(RuntimeException e) {
    return e instanceof NoAnswerInTime || isDown(e);
  }

  /** Whether {@code e} says the database is down or out of reach (not merely slow). */
  boolean isDown(RuntimeException e) {
    return DatabaseFailures.isTransient(e);
  }

  /** A bounded read the database did not answer before its call's deadline. */
  private static final class NoAnswerInTime extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoAnswerInTime(Duration left) {
      super("the database did not answer within the " + left.toMillis() + " ms left to wait");
    }
  }

  DatabaseUnavailableException unavailable(String what, Throwable cause) {
    return new DatabaseUnavailableException(
        "Could not "
            + what
            + ": the database is unavailable (no answer within the database timeout of "
            + timeout.toMillis()
            + " ms; last error: "
            + rootMessage(cause)
            + ")",
        cause);
  }

  /** The innermost cause's message: the driver's own words ("Connection refused"), not a pool's. */
  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}

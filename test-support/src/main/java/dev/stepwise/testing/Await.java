package dev.stepwise.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a generous bound, for tests on asynchronous work: never a fixed sleep
 * used as an assertion. The condition is checked every 10 ms, the test's polling interval.
 */
public final class Await {
  private Await() {}

  /** Returns once {@code condition} holds; fails naming {@code what} after {@code max}. */
  public static void until(String what, Duration max, BooleanSupplier condition) {
    until(() -> what, max, condition);
  }

  /** As above, with a description made only when the wait fails (e.g. the state it saw). */
  public static void until(Supplier<String> what, Duration max, BooleanSupplier condition) {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + max + " waiting until " + what.get());
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting until " + what.get(), e);
      }
    }
  }
}

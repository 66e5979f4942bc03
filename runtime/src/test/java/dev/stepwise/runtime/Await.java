package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a generous bound; never a fixed sleep used as an assertion. */
final class Await {
  private Await() {}

  static void until(String what, Duration max, BooleanSupplier condition) {
    until(() -> what, max, condition);
  }

  static void until(Supplier<String> what, Duration max, BooleanSupplier condition) {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("Timed out after " + max + " waiting until " + what.get());
      }
      try {
        Thread.sleep(10); // polling interval of the test, not an assertion
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}

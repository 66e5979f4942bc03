package dev.stepwise.micrometer;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a generous bound; never a fixed sleep used as an assertion. */
final class Await {
  private Await() {}

  static void until(String what, BooleanSupplier condition) {
    Duration max = Duration.ofSeconds(30);
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("Timed out after " + max + " waiting until " + what);
      }
      try {
        Thread.sleep(10); // the test's polling interval, not an assertion
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}

package dev.stepwise.runtime.spi;

/**
 * A {@link java.time.Clock} that can jump forward, such as a test's virtual clock. The engine reads
 * "now" from its clock and sleeps until the next timer, retry or schedule is due by that clock;
 * when the clock given to {@code Stepwise.builder().clock(...)} implements this interface, the
 * engine listens for jumps and wakes its sleeping threads, so they look again at once instead of
 * sleeping out a wait computed before the jump. The system clock needs none of this.
 */
public interface ClockJumps {
  /** Calls {@code listener} after each jump, on the thread that moved the clock. */
  void addJumpListener(Runnable listener);

  /** Stops calling {@code listener}; the engine removes its own when it closes. */
  void removeJumpListener(Runnable listener);
}

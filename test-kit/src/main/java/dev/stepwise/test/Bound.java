package dev.stepwise.test;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** A limit in real time on one wait of the test engine, measured on the system's own timer. */
final class Bound {
  private final long deadline;

  Bound(Duration timeout) {
    this.deadline = System.nanoTime() + timeout.toNanos();
  }

  boolean expired() {
    return System.nanoTime() - deadline >= 0;
  }

  /** Lets the engine's threads work for a moment before the next look, never past the limit. */
  void pause(Duration pause) {
    long left = deadline - System.nanoTime();
    LockSupport.parkNanos(Math.max(0, Math.min(left, pause.toNanos())));
    if (Thread.interrupted()) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the engine");
    }
  }
}

package dev.stepwise.runtime.internal.model;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A wake-up flag a thread can wait on with a timeout; a signal sent before the wait is kept. */
public final class Signal {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition raised = lock.newCondition();
  private boolean set;

  public void raise() {
    lock.lock();
    try {
      set = true;
      raised.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until raised or {@code timeout} passed, then clears the flag. */
  public void await(Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      long nanos = timeout.toNanos();
      while (!set && nanos > 0) {
        nanos = raised.awaitNanos(nanos);
      }
      set = false;
    } finally {
      lock.unlock();
    }
  }
}

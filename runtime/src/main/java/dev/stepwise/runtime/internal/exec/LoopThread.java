package dev.stepwise.runtime.internal.exec;

import java.time.Duration;

/**
 * A daemon thread of this node that runs a loop until stopped (the dispatcher's, the timers').
 * Starting or stopping twice is harmless; the loop reads {@link #running()} to know when to end.
 */
final class LoopThread {
  private final String name;
  private final Runnable loop;
  private final Runnable wake;
  private volatile boolean running;
  private Thread thread;

  /**
   * @param wake interrupts the loop's sleep, so that it sees it must stop
   */
  LoopThread(String name, Runnable loop, Runnable wake) {
    this.name = name;
    this.loop = loop;
    this.wake = wake;
  }

  synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  boolean running() {
    return running;
  }

  /** Asks the loop to end and waits for it, at most {@code join}. */
  synchronized void stop(Duration join) throws InterruptedException {
    running = false;
    wake.run();
    if (thread != null) {
      thread.join(join.toMillis());
    }
  }

  /** How long a stop waits for a loop that sleeps at most {@code pollInterval} between rounds. */
  static Duration joinTimeout(Duration pollInterval) {
    return Duration.ofMillis(Math.max(1000, pollInterval.toMillis() * 2));
  }
}

package dev.stepwise.runtime.internal.exec;

import java.time.Duration;

/**
 * A daemon thread of this node that runs a loop until stopped (the dispatcher's, the timers').
 * Starting or stopping twice is harmless; the loop reads {@link #running()} to know when to end.
 * Public for the schedule keeper ({@code internal.schedule}), a loop of the node's too.
 */
public final class LoopThread {
  private final String name;
  private final Runnable loop;
  private final Runnable wake;
  private volatile boolean running;
  private Thread thread;

  /**
   * @param wake interrupts the loop's sleep, so that it sees it must stop
   */
  public LoopThread(String name, Runnable loop, Runnable wake) {
    this.name = name;
    this.loop = loop;
    this.wake = wake;
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  public boolean running() {
    return running;
  }

  /** Asks the loop to end and waits for it, at most {@code join}. */
  public synchronized void stop(Duration join) throws InterruptedException {
    running = false;
    wake.run();
    if (thread != null) {
      thread.join(join.toMillis());
    }
  }

  /** How a loop sleeps between two rounds: until woken, or until its next work is due. */
  @FunctionalInterface
  public interface Sleep {
    void until() throws InterruptedException;
  }

  /**
   * Runs {@code round} again and again until stopped, with {@code sleep} in between: the body of a
   * loop that does its due work, then sleeps. A round that throws, an Error too, is logged once per
   * outage by {@code outages} and the loop goes on: a dead loop thread would leave its work undone
   * for as long as the node lives.
   */
  public void repeat(Runnable round, OutageLog outages, Sleep sleep) {
    while (running) {
      try {
        round.run();
        outages.succeeded();
      } catch (RuntimeException | Error e) {
        outages.failed(e);
      }
      try {
        sleep.until();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** How long a stop waits for a loop that sleeps at most {@code pollInterval} between rounds. */
  public static Duration joinTimeout(Duration pollInterval) {
    return Duration.ofMillis(Math.max(1000, pollInterval.toMillis() * 2));
  }
}

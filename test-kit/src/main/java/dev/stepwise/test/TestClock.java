package dev.stepwise.test;

import dev.stepwise.runtime.spi.ClockJumps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A virtual clock for tests: it runs at the system clock's pace, ahead of it by an offset that only
 * grows. {@link #advance} makes it jump forward and tells the engine, which wakes up for the
 * retries, timers, event deadlines and schedules that fell due. Running at the system's pace, not
 * frozen, lets everything that works in production work unchanged in a test (a retry after 10ms
 * still happens by itself); the jumps only skip the waits a test should not sit through.
 */
public final class TestClock extends Clock implements ClockJumps {
  private final Clock system;
  private final AtomicLong offsetNanos;
  private final List<Runnable> listeners;

  /** A clock that reads the system time until it is advanced. */
  public TestClock() {
    this(Clock.systemUTC(), new AtomicLong(), new CopyOnWriteArrayList<>());
  }

  private TestClock(Clock system, AtomicLong offsetNanos, List<Runnable> listeners) {
    this.system = system;
    this.offsetNanos = offsetNanos;
    this.listeners = listeners;
  }

  @Override
  public Instant instant() {
    return system.instant().plusNanos(offsetNanos.get());
  }

  @Override
  public ZoneId getZone() {
    return system.getZone();
  }

  /** The same clock (offset and listeners shared) in another zone. */
  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(getZone())
        ? this
        : new TestClock(system.withZone(zone), offsetNanos, listeners);
  }

  /** How far ahead of the system clock this clock is. */
  public Duration offset() {
    return Duration.ofNanos(offsetNanos.get());
  }

  /**
   * Jumps forward by {@code by} and wakes the engines that use this clock. Only the clock moves:
   * use {@link StepwiseTestEngine#advance}, which also runs what falls due on the way, in order.
   */
  public void advance(Duration by) {
    Objects.requireNonNull(by, "by");
    if (by.isNegative()) {
      throw new IllegalArgumentException("a test clock only moves forward, not by " + by);
    }
    if (by.isZero()) {
      return;
    }
    offsetNanos.addAndGet(by.toNanos());
    listeners.forEach(Runnable::run);
  }

  /** Jumps forward to {@code at}, if that is still to come; a time already past changes nothing. */
  public void advanceTo(Instant at) {
    Duration ahead = Duration.between(instant(), at);
    if (ahead.isNegative() || ahead.isZero()) {
      return;
    }
    advance(ahead);
  }

  @Override
  public void addJumpListener(Runnable listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void removeJumpListener(Runnable listener) {
    listeners.remove(listener);
  }

  @Override
  public String toString() {
    return "TestClock[" + instant().atOffset(ZoneOffset.UTC) + ", ahead by " + offset() + "]";
  }
}

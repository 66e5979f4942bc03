package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.model.Signal;
import dev.stepwise.runtime.spi.ClockJumps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's clock as step deadlines see it. On the system clock a deadline is plain elapsed
 * time, measured on the system's own timer; on a clock that jumps (a test's, {@link ClockJumps})
 * the time it skipped counts too, and each jump wakes the deadlines waiting, so a step's timeout
 * can be reached by a jump.
 */
public final class JumpingTime {
  private final Clock clock;
  private final boolean jumps;
  private final Set<Signal> waiting = ConcurrentHashMap.newKeySet();

  public JumpingTime(Clock clock) {
    this.clock = clock;
    this.jumps = clock instanceof ClockJumps;
  }

  /** Whether the clock can jump; if not, deadlines need none of this. */
  boolean jumps() {
    return jumps;
  }

  /** The clock jumped: every deadline waiting looks again at how much time is left. */
  public void jumped() {
    waiting.forEach(Signal::raise);
  }

  /** Raises {@code wake} on each jump, until {@link #stopWaking}. */
  void wakeOnJumps(Signal wake) {
    waiting.add(wake);
  }

  void stopWaking(Signal wake) {
    waiting.remove(wake);
  }

  /** A stopwatch started now. */
  Stopwatch start() {
    return new Stopwatch(System.nanoTime(), clock.instant());
  }

  /** Time elapsed since it started: real time, or more when the clock jumped meanwhile. */
  final class Stopwatch {
    private final long startNanos;
    private final Instant startInstant;

    private Stopwatch(long startNanos, Instant startInstant) {
      this.startNanos = startNanos;
      this.startInstant = startInstant;
    }

    Duration elapsed() {
      Duration real = Duration.ofNanos(System.nanoTime() - startNanos);
      Duration byClock = Duration.between(startInstant, clock.instant());
      return byClock.compareTo(real) > 0 ? byClock : real;
    }
  }
}

package dev.stepwise.runtime.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DispatchSignalTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration POLL = Duration.ofHours(1);

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  @Test
  void aDispatcherSleepsUntilTheEarliestRetryWhenItIsSoonerThanThePoll() {
    DispatchSignal signal = new DispatchSignal();
    signal.wakeAt(T0.plusSeconds(20));
    signal.wakeAt(T0.plusSeconds(5));

    assertThat(signal.nextWait(POLL, at(T0))).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aRetryThatFellDueWakesTheDispatcherAtOnce() {
    DispatchSignal signal = new DispatchSignal();
    signal.wakeAt(T0.plusSeconds(5));

    assertThat(signal.nextWait(POLL, at(T0.plusSeconds(6)))).isZero();
  }

  @Test
  void aLaterRetryIsStillAwaitedOnceAnEarlierOneFellDue() {
    DispatchSignal signal = new DispatchSignal();
    signal.wakeAt(T0.plusSeconds(5));
    signal.wakeAt(T0.plusSeconds(20));

    assertThat(signal.nextWait(POLL, at(T0.plusSeconds(6)))).isZero(); // claims the first
    // Before, only the earliest retry was kept: this sleep lasted the whole poll interval.
    assertThat(signal.nextWait(POLL, at(T0.plusSeconds(6)))).isEqualTo(Duration.ofSeconds(14));
    assertThat(signal.nextWait(POLL, at(T0.plusSeconds(21)))).isZero();
    assertThat(signal.nextWait(POLL, at(T0.plusSeconds(21)))).isEqualTo(POLL);
  }
}

package dev.stepwise.runtime.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.spi.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retry decisions and delays: attempts, abortOn/retryOn, exponential growth, cap and jitter. */
class BackoffTest {

  private static RetryPolicy policy(
      int attempts, long delayMs, double backoff, long maxMs, double jitter) {
    return new RetryPolicy(
        attempts,
        Duration.ofMillis(delayMs),
        backoff,
        Duration.ofMillis(maxMs),
        jitter,
        List.of(),
        List.of());
  }

  @Test
  void delayGrowsExponentiallyWithoutJitter() {
    RetryPolicy p = policy(8, 1000, 2.0, 60_000, 0.0);
    assertThat(Backoff.delay(p, 1, 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(Backoff.delay(p, 2, 0.5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(Backoff.delay(p, 3, 0.5)).isEqualTo(Duration.ofSeconds(4));
    assertThat(Backoff.delay(p, 5, 0.9)).isEqualTo(Duration.ofSeconds(16));
  }

  @Test
  void delayIsCappedByMaxDelay() {
    RetryPolicy p = policy(20, 1000, 2.0, 60_000, 0.0);
    assertThat(Backoff.delay(p, 7, 0.5)).isEqualTo(Duration.ofMinutes(1)); // 64s capped
    assertThat(Backoff.delay(p, 15, 0.5)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void jitterScalesTheCappedDelayWithinItsBounds() {
    RetryPolicy p = policy(8, 1000, 2.0, 60_000, 0.3);
    assertThat(Backoff.delay(p, 1, 0.0)).isEqualTo(Duration.ofMillis(700));
    assertThat(Backoff.delay(p, 1, 0.5)).isEqualTo(Duration.ofMillis(1000));
    assertThat(Backoff.delay(p, 1, 0.999_999))
        .isBetween(Duration.ofMillis(1299), Duration.ofMillis(1300));
    // The cap applies before the jitter: min(60s, 128s) * [0.7, 1.3].
    assertThat(Backoff.delay(p, 8, 0.0)).isEqualTo(Duration.ofSeconds(42));
    for (int i = 0; i < 1000; i++) {
      Duration d = Backoff.delay(p, 3, Math.random());
      assertThat(d).isBetween(Duration.ofMillis(2800), Duration.ofMillis(5200));
    }
  }

  @Test
  void zeroMaxDelayMeansNoCap() {
    assertThat(Backoff.delay(policy(5, 100, 3.0, 0, 0.0), 3, 0.5))
        .isEqualTo(Duration.ofMillis(900));
  }

  @Test
  void attemptsCountTheFirstExecution() {
    RetryPolicy p = policy(3, 10, 1.0, 0, 0.0);
    assertThat(Backoff.shouldRetry(p, 1, new IOException())).isTrue();
    assertThat(Backoff.shouldRetry(p, 2, new IOException())).isTrue();
    assertThat(Backoff.shouldRetry(p, 3, new IOException())).isFalse();
    assertThat(Backoff.shouldRetry(RetryPolicy.NONE, 1, new IOException())).isFalse();
  }

  @Test
  void abortOnIsNeverRetriedAndRetryOnRestricts() {
    RetryPolicy p =
        new RetryPolicy(
            5,
            Duration.ZERO,
            1.0,
            Duration.ZERO,
            0.0,
            List.of(IOException.class, IllegalStateException.class),
            List.of(java.io.FileNotFoundException.class));
    assertThat(Backoff.shouldRetry(p, 1, new IOException())).isTrue();
    assertThat(Backoff.shouldRetry(p, 1, new java.io.FileNotFoundException())).isFalse();
    assertThat(Backoff.shouldRetry(p, 1, new IllegalArgumentException())).isFalse();
  }

  @Test
  void errorsAreNeverRetried() {
    assertThat(Backoff.shouldRetry(policy(5, 0, 1, 0, 0), 1, new AssertionError())).isFalse();
  }
}

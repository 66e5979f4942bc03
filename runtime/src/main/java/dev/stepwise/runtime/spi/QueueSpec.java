package dev.stepwise.runtime.spi;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A named queue ({@code @Queue}) as generated code declares it: the limits its steps wait for. Each
 * limit holds across all nodes sharing the database; 0 means no limit.
 *
 * @param name 1 to 64 letters, digits, '-', '_' or '.'
 * @param concurrency the most steps of the queue running at once, over all nodes
 * @param perNode the most running at once on one node
 * @param perKey the most running at once per value of their run's concurrency key
 * @param rate the most starts in any window of {@code ratePeriod}
 * @param ratePeriod the window of {@code rate}; positive
 */
public record QueueSpec(
    String name, int concurrency, int perNode, int perKey, int rate, Duration ratePeriod) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public QueueSpec {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "A queue name is 1 to 64 letters, digits, '-', '_' or '.'; was \"" + name + "\"");
    }
    requireNotNegative(concurrency, "concurrency", name);
    requireNotNegative(perNode, "perNode", name);
    requireNotNegative(perKey, "perKey", name);
    requireNotNegative(rate, "rate", name);
    if (ratePeriod == null || ratePeriod.isNegative() || ratePeriod.isZero()) {
      throw new IllegalArgumentException(
          "Queue \"" + name + "\": ratePeriod must be positive, was " + ratePeriod);
    }
  }

  /** A queue with only a global concurrency limit. */
  public static QueueSpec concurrency(String name, int concurrency) {
    return new QueueSpec(name, concurrency, 0, 0, 0, Duration.ofSeconds(1));
  }

  /** True if the queue limits how many of its steps start per {@link #ratePeriod()}. */
  public boolean limitsRate() {
    return rate > 0;
  }

  private static void requireNotNegative(int value, String what, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "Queue \"" + name + "\": " + what + " must not be negative, was " + value);
    }
  }
}

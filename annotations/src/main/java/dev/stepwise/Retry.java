package dev.stepwise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The retry policy of a step, or on the workflow class the default for its steps. A step with no
 * policy at all runs once.
 *
 * <p>The delay before attempt {@code n + 1} is {@code min(maxDelay, delay * backoff^(n-1))}, scaled
 * by a random factor in {@code [1 - jitter, 1 + jitter]}. Durations are written like {@code
 * "250ms"}, {@code "5s"}, {@code "2m"}, {@code "1h"}, {@code "1d"}, at most {@code "365d"}. A
 * step's {@code @Retry} replaces the class's wholesale. Checked at compile time: attempts in [1,
 * 1000], backoff in [1, 100], jitter in [0, 1].
 */
@Documented
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.CLASS)
public @interface Retry {
  /** The total number of executions, the first included; at least 1. */
  int attempts() default 3;

  /** The delay before the first retry. */
  String delay() default "1s";

  /** The factor by which the delay grows from one retry to the next; at least 1. */
  double backoff() default 2.0;

  /** The longest delay between two attempts. */
  String maxDelay() default "5m";

  /** The random spread of each delay, in [0, 1]. */
  double jitter() default 0.2;

  /** Only these exception types are retried; empty means every exception. */
  Class<? extends Throwable>[] retryOn() default {};

  /** These exception types fail the step at once, whatever {@link #retryOn()} says. */
  Class<? extends Throwable>[] abortOn() default {};
}

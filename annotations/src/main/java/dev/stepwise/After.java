package dev.stepwise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a step after other steps. Several predecessors make a join. A step without {@code @After} is
 * a root: it starts with the run.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface After {
  /** The ids of the steps that must finish first. */
  String[] value();

  /** When a join runs; see {@link Join}. */
  Join join() default Join.ALL;

  /**
   * A durable timer: once the step is ready, it waits this long before it runs, like {@code "24h"}
   * (units ms, s, m, h, d; at most 365d). Empty means no delay. Nothing waits in memory: the step
   * is a {@code WAITING} row with a due time, so a restart does not reset the clock.
   */
  String delay() default "";
}

package dev.stepwise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a workflow. Its {@link Step} methods form a graph that the annotation processor
 * checks at compile time and turns into a typed {@code XxxRunner}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
public @interface Workflow {
  /** The workflow's name, unique in the application; stored with every run. */
  String name();

  /**
   * The step whose output is the workflow's output ({@code XxxResult.output()}). Empty means the
   * single terminal step, if there is exactly one.
   */
  String result() default "";

  /**
   * The default queue of the workflow's steps: a type annotated {@link Queue}; a step's own
   * {@code @Step(queue)} overrides it. {@code void.class} for none.
   */
  Class<?> queue() default void.class;

  /**
   * A path into the workflow's input (as {@code "customer.id"}) whose value, a string or a number,
   * is the run's concurrency key: queues limit steps per key value ({@link Queue#perKey()}), and
   * {@link #maxParallelismPerKey()} limits runs per key value. Empty for none.
   */
  String concurrencyKey() default "";

  /**
   * At most this many runs of the workflow execute at once across all nodes; the others wait as
   * {@code QUEUED}, in priority order, holding no thread. 0 for no limit.
   */
  int maxParallelism() default 0;

  /**
   * At most this many runs execute at once per value of {@link #concurrencyKey()} (1: one run per
   * customer at a time). 0 for no limit.
   */
  int maxParallelismPerKey() default 0;

  /**
   * How long the workflow's finished runs (succeeded, failed or cancelled) are kept before they are
   * deleted with their steps, events and child runs: an integer and a unit {@code ms}, {@code s},
   * {@code m}, {@code h} or {@code d}, like {@code "30d"}. Empty for the engine's default ({@code
   * Stepwise.builder().retention}, which keeps them forever unless set).
   */
  String retention() default "";
}

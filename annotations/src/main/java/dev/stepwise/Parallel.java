package dev.stepwise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Dynamic fan-out: runs the step once per element of the {@code List} that step {@link #over()}
 * produced, each element passed to the step's {@link Item} parameter. Each element is a durable
 * task of its own (own attempts, retries and timeout); at most {@link #maxConcurrency()} run at
 * once. Downstream, the step's output is the {@code List} of the results, in element order. An
 * element that fails for good fails the step; an empty list gives an empty result at once.
 *
 * <pre>{@code
 * @Step @After("search")
 * @Parallel(over = "search", maxConcurrency = 4)
 * Summary summarize(@Item Url url) { ... }          // @From("summarize") List<Summary>
 * }</pre>
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface Parallel {
  /** The upstream step whose output, a {@code java.util.List}, supplies the elements. */
  String over();

  /** How many elements run at once; 0 means no limit beyond the engine's workers. */
  int maxConcurrency() default 0;
}

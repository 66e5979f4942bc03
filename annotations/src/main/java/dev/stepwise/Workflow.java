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
}

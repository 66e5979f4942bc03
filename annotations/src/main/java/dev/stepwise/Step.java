package dev.stepwise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Workflow} class as a step. The method's return type is the step's
 * output ({@code void} allowed); its parameters say what the step reads ({@link Input}, {@link
 * From}, {@link Resume}, or a {@code StepContext}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.CLASS)
public @interface Step {
  /** The step id; the method name when empty. */
  String id() default "";

  /** A {@link Condition} method; when it returns false the step is {@code SKIPPED}. */
  String when() default "";

  /** A {@link Condition} method; when it returns true the step is {@code SKIPPED}. */
  String unless() default "";

  /**
   * A deadline for each execution, like {@code "30s"} (units ms, s, m, h, d). An execution that
   * runs longer fails with {@code StepTimeoutException} and is retried per its {@link Retry}
   * policy; the worker thread is freed at once (the step's thread is interrupted). Empty means no
   * deadline.
   */
  String timeout() default "";

  /**
   * A bounded loop (Mastra's {@code dountil}): after each iteration the {@link Condition} with this
   * name is evaluated, and the step runs again until it returns true. The condition may read the
   * iteration's output with {@code @From} of this very step. {@link #maxIterations()} is mandatory.
   */
  String repeatUntil() default "";

  /**
   * A bounded loop (Mastra's {@code dowhile}): after each iteration the {@link Condition} with this
   * name is evaluated, and the step runs again while it returns true. {@link #maxIterations()} is
   * mandatory.
   */
  String repeatWhile() default "";

  /**
   * The most iterations a loop may run; reaching it without the loop's condition letting it stop
   * fails the step. Mandatory with {@link #repeatUntil()} or {@link #repeatWhile()}, so no loop is
   * infinite.
   */
  int maxIterations() default 0;

  /**
   * Runs the step inside the database transaction that records its result: its {@code
   * org.jooq.DSLContext} parameter is bound to that transaction, so the step's writes and its
   * completion commit together, or not at all. Exactly once with respect to that database, even
   * across a crash: an execution that does not commit leaves no writes, and one that committed is
   * never run again.
   */
  boolean transactional() default false;

  /**
   * The queue each execution of this step waits for: a type annotated {@link Queue}. {@code
   * void.class} (the default) takes the workflow's queue, if it has one.
   */
  Class<?> queue() default void.class;
}

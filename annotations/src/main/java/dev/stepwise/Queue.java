package dev.stepwise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a named queue on a type of its own (an empty interface is enough). Steps join it with
 * {@code @Step(queue = TheType.class)}, every step of a workflow with {@code @Workflow(queue =
 * TheType.class)}; a class literal, so a queue that does not exist cannot be named. Each limit
 * holds across every node sharing the database; 0 means no limit. A step waiting for its queue
 * holds no thread: it stays a row in the database until a slot frees.
 *
 * <pre>{@code
 * @Queue(name = "llm", concurrency = 8, rate = 50, ratePeriod = "1s")
 * public interface LlmQueue {}
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
public @interface Queue {
  /** The queue's name: 1 to 64 letters, digits, '-', '_' or '.'; unique in the application. */
  String name();

  /** At most this many of the queue's steps run at once, counted over all nodes. */
  int concurrency() default 0;

  /** At most this many of the queue's steps run at once on one node. */
  int perNode() default 0;

  /**
   * At most this many of the queue's steps run at once per value of the run's concurrency key
   * ({@code @Workflow(concurrencyKey)}); steps of runs without a key are not limited by it.
   */
  int perKey() default 0;

  /** At most this many of the queue's steps start in any window of {@link #ratePeriod()}. */
  int rate() default 0;

  /**
   * The window of {@link #rate()}: an integer and a unit, as {@code 500ms}, {@code 1s} or {@code
   * 1m}.
   */
  String ratePeriod() default "1s";
}

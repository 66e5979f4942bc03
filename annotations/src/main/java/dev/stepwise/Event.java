package dev.stepwise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A step parameter that receives the payload of the event named {@link #value()}: the step starts
 * only once that event was sent to the run with the generated {@code sendName(runId, payload)}. An
 * event sent before the run reaches the step is kept, not lost; the step then runs at once. While
 * it waits, the step is {@code WAITING} in the database and nothing waits in memory.
 *
 * <pre>{@code
 * @Step @After("submit")
 * Receipt pay(@Event(value = "approved", timeout = "48h", onTimeout = OnTimeout.SKIP)
 *     Approval approval) { ... }                   // runner.sendApproved(runId, approval)
 * }</pre>
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.CLASS)
public @interface Event {
  /** The event's name, a Java identifier: it names the generated {@code sendName} method. */
  String value();

  /**
   * How long the step waits for the event once reached, like {@code "48h"}; empty waits without
   * limit.
   */
  String timeout() default "";

  /** What a timeout does to the step. */
  OnTimeout onTimeout() default OnTimeout.FAIL;
}

package dev.stepwise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A parameter that receives the output of an upstream step, or one property of it. The step named
 * must be upstream (reachable through {@link After}); the types are checked at compile time.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.CLASS)
public @interface From {
  /** The id of the step whose output this parameter receives. */
  String value();

  /**
   * A property path into that output, such as {@code "address.city"} or {@code "items[0]"},
   * resolved through record components, getters and list indexes. Empty means the whole output.
   */
  String path() default "";
}

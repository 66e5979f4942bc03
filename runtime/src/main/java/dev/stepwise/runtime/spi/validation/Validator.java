package dev.stepwise.runtime.spi.validation;

/**
 * Checks a value against the Jakarta Bean Validation constraints declared on its type. The
 * annotation processor generates one implementation per validated type, as plain code: no
 * reflection and no validation library at run time.
 *
 * @param <T> the validated type
 */
@FunctionalInterface
public interface Validator<T> {

  /**
   * Adds a violation to {@code out} for each broken constraint of {@code value}, at paths relative
   * to the current path of {@code out}. Never throws for an invalid value.
   *
   * @param value the value, never null (the caller checks nulls, which are a constraint of the
   *     property that holds the value)
   */
  void validate(T value, Violations out);
}

package dev.stepwise.runtime.spi.validation;

import dev.stepwise.runtime.ValidationException;
import dev.stepwise.runtime.Violation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;

/**
 * What the processor generated for one {@link Boundary}: the Java type of the values crossing it,
 * their validator and their JSON Schema (2020-12) document.
 *
 * @param boundary where the values cross
 * @param type the declared Java type, with type arguments (for decoding JSON)
 * @param validator the generated validator of that type
 * @param schema the JSON Schema document, as JSON text
 * @param <T> the type of the values
 */
public record Contract<T>(
    Boundary boundary, Type type, Validator<? super T> validator, String schema) {

  public Contract {
    Objects.requireNonNull(boundary, "boundary");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(schema, "schema");
  }

  /**
   * Every violation of {@code value}; empty when it is valid. A null value is a violation where the
   * boundary requires a value.
   */
  @SuppressWarnings("unchecked") // the engine hands over values of this boundary's type only
  public List<Violation> violations(Object value) {
    if (value == null) {
      return boundary.requiresValue() ? List.of(new Violation("$", "must not be null")) : List.of();
    }
    Violations out = new Violations();
    ((Validator<Object>) validator).validate(value, out);
    return out.list();
  }

  /** Throws a {@link ValidationException} listing every violation of {@code value}, if any. */
  public void check(Object value, String workflow) {
    List<Violation> violations = violations(value);
    if (!violations.isEmpty()) {
      throw new ValidationException(boundary.describe(workflow), violations);
    }
  }
}

package dev.stepwise.runtime;

import java.io.Serializable;

/**
 * One broken constraint: where in the value, as a JSON path, and what is wrong there. Serializable,
 * as the {@link ValidationException} that carries it.
 *
 * @param path the JSON path of the offending value, {@code $} for the value itself, like {@code
 *     $.items[0].quantity}
 * @param message what is wrong, in the wording of Hibernate Validator's default messages, like
 *     {@code must be greater than or equal to 1}
 */
public record Violation(String path, String message) implements Serializable {

  @Override
  public String toString() {
    return path + ": " + message;
  }
}

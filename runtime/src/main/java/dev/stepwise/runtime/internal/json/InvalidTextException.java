package dev.stepwise.runtime.internal.json;

import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.ValidationException;
import dev.stepwise.runtime.Violation;
import java.util.List;

/**
 * A value that {@link JsonCodec#write} refused because a string in it is not valid Unicode; the
 * caller, which knows what the value is, turns it into a {@link ValidationException} ({@link
 * #refusal}).
 */
public final class InvalidTextException extends StepwiseException {
  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  InvalidTextException(List<Violation> violations) {
    super("Text must be valid Unicode: " + violations);
    this.violations = List.copyOf(violations);
  }

  /** Where the value holds a lone surrogate: a JSON path each. */
  public List<Violation> violations() {
    return violations;
  }

  /** The refusal of the value, as {@code subject} (like {@code input of workflow order}). */
  public ValidationException refusal(String subject) {
    return new ValidationException(subject, violations);
  }
}

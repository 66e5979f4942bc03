package dev.stepwise.runtime;

import java.util.List;

/**
 * A value crossing a step boundary broke its schema: an input at start, a resume payload, a step's
 * output. Carries every violation, not only the first; nothing of the refused value was stored.
 */
public class ValidationException extends StepwiseException {
  private static final long serialVersionUID = 1L;

  private final String subject;
  private final List<Violation> violations;

  /**
   * @param subject what was validated, like {@code input of workflow order} or {@code output of
   *     step charge}
   * @param violations at least one violation
   */
  public ValidationException(String subject, List<Violation> violations) {
    super(message(subject, violations));
    this.subject = subject;
    this.violations = List.copyOf(violations);
  }

  /** What was validated, like {@code resume payload of step approve}. */
  public String subject() {
    return subject;
  }

  /** Every violation, in the order the value's properties are declared. */
  public List<Violation> violations() {
    return violations;
  }

  private static String message(String subject, List<Violation> violations) {
    StringBuilder text = new StringBuilder("Invalid ").append(subject).append(':');
    for (Violation v : violations) {
      text.append("\n  ").append(v);
    }
    return text.toString();
  }
}

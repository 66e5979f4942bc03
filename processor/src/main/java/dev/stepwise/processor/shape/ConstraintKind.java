package dev.stepwise.processor.shape;

import dev.stepwise.processor.shape.ScalarKind.Family;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Jakarta Bean Validation constraints generated validators check, each with Hibernate
 * Validator's default message, so users read the wording they know.
 */
public enum ConstraintKind {
  NOT_NULL("NotNull", "must not be null", "any type"),
  NOT_BLANK("NotBlank", "must not be blank", "String"),
  NOT_EMPTY("NotEmpty", "must not be empty", "String, collections and maps"),
  SIZE("Size", "size must be between {min} and {max}", "String, collections and maps"),
  MIN("Min", "must be greater than or equal to {value}", "numbers"),
  MAX("Max", "must be less than or equal to {value}", "numbers"),
  POSITIVE("Positive", "must be greater than 0", "numbers"),
  POSITIVE_OR_ZERO("PositiveOrZero", "must be greater than or equal to 0", "numbers"),
  NEGATIVE("Negative", "must be less than 0", "numbers"),
  NEGATIVE_OR_ZERO("NegativeOrZero", "must be less than or equal to 0", "numbers"),
  // Hibernate Validator's template reads "greater than ${inclusive ? 'or equal to ' : ''}{value}".
  DECIMAL_MIN("DecimalMin", "must be greater than {inclusive}{value}", "numbers"),
  DECIMAL_MAX("DecimalMax", "must be less than {inclusive}{value}", "numbers"),
  PATTERN("Pattern", "must match \"{regexp}\"", "String"),
  EMAIL("Email", "must be a well-formed email address", "String"),
  PAST("Past", "must be a past date", "java.time dates and times"),
  PAST_OR_PRESENT(
      "PastOrPresent", "must be a date in the past or in the present", "java.time dates and times"),
  FUTURE("Future", "must be a future date", "java.time dates and times"),
  FUTURE_OR_PRESENT(
      "FutureOrPresent",
      "must be a date in the present or in the future",
      "java.time dates and times"),
  ASSERT_TRUE("AssertTrue", "must be true", "boolean"),
  ASSERT_FALSE("AssertFalse", "must be false", "boolean");

  static final String PACKAGE = "jakarta.validation.constraints.";
  static final String VALID = "jakarta.validation.Valid";
  static final String CONSTRAINT = "jakarta.validation.Constraint";

  private static final Map<String, ConstraintKind> BY_NAME = new TreeMap<>();

  static {
    for (ConstraintKind kind : values()) {
      BY_NAME.put(PACKAGE + kind.simpleName, kind);
    }
  }

  final String simpleName;
  final String template;
  final String appliesTo;

  ConstraintKind(String simpleName, String template, String appliesTo) {
    this.simpleName = simpleName;
    this.template = template;
    this.appliesTo = appliesTo;
  }

  static Optional<ConstraintKind> of(String qualifiedName) {
    return Optional.ofNullable(BY_NAME.get(qualifiedName));
  }

  /** The message attribute's default: such a message means "use the template". */
  String defaultMessageKey() {
    return "{" + PACKAGE + simpleName + ".message}";
  }

  /** Whether the constraint can be checked on a value of this shape. */
  boolean appliesTo(Shape shape) {
    if (this == NOT_NULL) {
      return true;
    }
    Family family = shape instanceof Shape.Scalar s ? s.kind().family : null;
    return switch (this) {
      case NOT_BLANK, PATTERN, EMAIL -> family == Family.TEXT;
      case NOT_EMPTY, SIZE ->
          family == Family.TEXT
              || shape instanceof Shape.ListShape
              || shape instanceof Shape.MapShape;
      case MIN,
          MAX,
          POSITIVE,
          POSITIVE_OR_ZERO,
          NEGATIVE,
          NEGATIVE_OR_ZERO,
          DECIMAL_MIN,
          DECIMAL_MAX ->
          shape instanceof Shape.Scalar s && s.kind().numeric();
      case PAST, PAST_OR_PRESENT, FUTURE, FUTURE_OR_PRESENT -> family == Family.TEMPORAL;
      case ASSERT_TRUE, ASSERT_FALSE -> family == Family.BOOLEAN;
      default -> false;
    };
  }
}

package dev.stepwise.processor.shape;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** The value types with a fixed JSON form, with their JSON Schema type and format. */
public enum ScalarKind {
  STRING("java.lang.String", "string", null, Family.TEXT),
  CHAR("java.lang.Character", "string", null, Family.OTHER),
  BOOLEAN("java.lang.Boolean", "boolean", null, Family.BOOLEAN),
  BYTE("java.lang.Byte", "integer", null, Family.INTEGRAL),
  SHORT("java.lang.Short", "integer", null, Family.INTEGRAL),
  INT("java.lang.Integer", "integer", null, Family.INTEGRAL),
  LONG("java.lang.Long", "integer", null, Family.INTEGRAL),
  BIG_INTEGER("java.math.BigInteger", "integer", null, Family.BIG_INTEGER),
  FLOAT("java.lang.Float", "number", null, Family.FLOATING),
  DOUBLE("java.lang.Double", "number", null, Family.FLOATING),
  BIG_DECIMAL("java.math.BigDecimal", "number", null, Family.BIG_DECIMAL),
  UUID("java.util.UUID", "string", "uuid", Family.OTHER),
  INSTANT("java.time.Instant", "string", "date-time", Family.TEMPORAL),
  OFFSET_DATE_TIME("java.time.OffsetDateTime", "string", "date-time", Family.TEMPORAL),
  ZONED_DATE_TIME("java.time.ZonedDateTime", "string", "date-time", Family.TEMPORAL),
  // No offset, so not RFC 3339 date-time: a pattern describes it instead of a format.
  LOCAL_DATE_TIME("java.time.LocalDateTime", "string", null, Family.TEMPORAL),
  LOCAL_DATE("java.time.LocalDate", "string", "date", Family.TEMPORAL),
  LOCAL_TIME("java.time.LocalTime", "string", null, Family.TEMPORAL),
  // Jackson may leave out zero seconds, which RFC 3339 full-time requires: a pattern instead.
  OFFSET_TIME("java.time.OffsetTime", "string", null, Family.TEMPORAL),
  YEAR_MONTH("java.time.YearMonth", "string", null, Family.TEMPORAL),
  DURATION("java.time.Duration", "string", "duration", Family.OTHER),
  PERIOD("java.time.Period", "string", "duration", Family.OTHER);

  /** What constraints a scalar accepts. */
  public enum Family {
    TEXT,
    BOOLEAN,
    INTEGRAL,
    BIG_INTEGER,
    FLOATING,
    BIG_DECIMAL,
    TEMPORAL,
    OTHER
  }

  private static final Map<String, ScalarKind> BY_NAME = new TreeMap<>();
  private static final Map<TypeKind, ScalarKind> BY_PRIMITIVE =
      Map.of(
          TypeKind.BOOLEAN, BOOLEAN,
          TypeKind.BYTE, BYTE,
          TypeKind.SHORT, SHORT,
          TypeKind.INT, INT,
          TypeKind.LONG, LONG,
          TypeKind.CHAR, CHAR,
          TypeKind.FLOAT, FLOAT,
          TypeKind.DOUBLE, DOUBLE);

  static {
    for (ScalarKind kind : values()) {
      BY_NAME.put(kind.className, kind);
    }
    // Written as a string; checked like one (length, isEmpty, Pattern all take a CharSequence).
    BY_NAME.put("java.lang.CharSequence", STRING);
  }

  final String className;
  public final String jsonType;
  public final String format;
  public final Family family;

  ScalarKind(String className, String jsonType, String format, Family family) {
    this.className = className;
    this.jsonType = jsonType;
    this.format = format;
    this.family = family;
  }

  static Optional<ScalarKind> ofClass(String qualifiedName) {
    return Optional.ofNullable(BY_NAME.get(qualifiedName));
  }

  static Optional<ScalarKind> ofPrimitive(TypeKind kind) {
    return Optional.ofNullable(BY_PRIMITIVE.get(kind));
  }

  /**
   * The kind of a primitive or of a declared scalar class, if {@code type} is one. CharSequence
   * counts as a string, as everywhere else.
   */
  public static Optional<ScalarKind> of(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return ofPrimitive(type.getKind());
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return ofClass(element.getQualifiedName().toString());
  }

  public boolean numeric() {
    return family == Family.INTEGRAL
        || family == Family.BIG_INTEGER
        || family == Family.FLOATING
        || family == Family.BIG_DECIMAL;
  }

  /** A pattern for the types JSON Schema has no format for. */
  public String pattern() {
    return switch (this) {
      case LOCAL_DATE_TIME -> "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$";
      case LOCAL_TIME -> "^\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$";
      case OFFSET_TIME -> "^\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$";
      case YEAR_MONTH -> "^\\d{4}-\\d{2}$";
      case CHAR -> "^.$";
      default -> null;
    };
  }
}

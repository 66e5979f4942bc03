package dev.stepwise.processor.shape;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;

/**
 * One Jakarta constraint on a value.
 *
 * @param kind which constraint
 * @param mirror the annotation as written
 * @param attributes its attributes that generated code needs (min, max, value, regexp, flags,
 *     inclusive), as written or defaulted
 * @param message the message, interpolated at compile time
 */
public record ConstraintModel(
    ConstraintKind kind, AnnotationMirror mirror, Map<String, Object> attributes, String message) {

  public long longValue(String name) {
    return ((Number) attributes.get(name)).longValue();
  }

  public String string(String name) {
    return String.valueOf(attributes.get(name));
  }

  public boolean bool(String name) {
    return Boolean.TRUE.equals(attributes.get(name));
  }
}

package dev.stepwise.processor.shape;

import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * What a type crossing a step boundary looks like as JSON. Objects are references into the {@link
 * TypeDescriber}'s registry, so recursive types describe themselves without recursing forever.
 */
public sealed interface Shape {

  /** The Java type described. */
  TypeMirror type();

  /** A string, number, boolean or value type such as {@code UUID} or {@code LocalDate}. */
  record Scalar(TypeMirror type, ScalarKind kind) implements Shape {
    public boolean primitive() {
      return type.getKind().isPrimitive();
    }
  }

  /** An enum: a string that is one of the constants. */
  record EnumShape(TypeMirror type, List<String> constants) implements Shape {}

  /** A {@code List}, {@code Set} or array: a JSON array. */
  record ListShape(TypeMirror type, boolean set, Slot element) implements Shape {
    public boolean array() {
      return type.getKind() == TypeKind.ARRAY;
    }
  }

  /** A {@code Map<String, V>}: a JSON object with arbitrary keys. */
  record MapShape(TypeMirror type, Slot value) implements Shape {}

  /** An {@code Optional<T>}: T or null. */
  record OptionalShape(TypeMirror type, Slot value) implements Shape {}

  /** A record or class with getters: a JSON object with fixed properties. */
  record ObjectShape(TypeMirror type, TypeElement element) implements Shape {
    public String key() {
      return element.getQualifiedName().toString();
    }
  }

  /**
   * A place a value sits: a property, a container's element, a boundary.
   *
   * @param shape the value's shape
   * @param constraints the constraints on the value, in declaration order
   * @param cascade whether an object value is validated too ({@code @Valid})
   */
  record Slot(Shape shape, List<ConstraintModel> constraints, boolean cascade) {
    boolean has(ConstraintKind kind) {
      return constraints.stream().anyMatch(c -> c.kind() == kind);
    }

    /** May be absent or null in JSON: not primitive and not constrained to be present. */
    public boolean nullable() {
      return !(shape instanceof Scalar s && s.primitive())
          && !has(ConstraintKind.NOT_NULL)
          && !has(ConstraintKind.NOT_BLANK)
          && !has(ConstraintKind.NOT_EMPTY);
    }
  }

  /**
   * One property of an object.
   *
   * @param name the JSON name
   * @param accessor the method generated code reads it with
   * @param slot its value
   */
  record Property(String name, String accessor, Slot slot) {}
}

package dev.stepwise.processor.write;

import dev.stepwise.processor.shape.ConstraintModel;
import dev.stepwise.processor.shape.Shape;
import dev.stepwise.processor.shape.Shape.EnumShape;
import dev.stepwise.processor.shape.Shape.ListShape;
import dev.stepwise.processor.shape.Shape.MapShape;
import dev.stepwise.processor.shape.Shape.ObjectShape;
import dev.stepwise.processor.shape.Shape.OptionalShape;
import dev.stepwise.processor.shape.Shape.Property;
import dev.stepwise.processor.shape.Shape.Scalar;
import dev.stepwise.processor.shape.Shape.Slot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the JSON Schema (2020-12) document of a boundary: the value's schema at the top, each
 * object type once under {@code $defs} (by qualified name, so recursive types are a {@code $ref}).
 * Constraints become keywords where JSON Schema has one; {@code @Past} and its kin have none.
 */
final class JsonSchemaWriter {
  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private final Map<String, List<Property>> objects;

  JsonSchemaWriter(Map<String, List<Property>> objects) {
    this.objects = objects;
  }

  /**
   * @param title what the document describes, like {@code input of workflow order}
   * @param nullable whether null is a valid value at the top (outputs may be null)
   */
  String document(String title, Slot root, boolean nullable) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("$schema", DIALECT);
    doc.put("title", title);
    // A boundary's value is validated, and so are the objects in a container at the top.
    TreeMap<String, Object> defs = new TreeMap<>();
    doc.putAll(schema(root, nullable, true, true, defs));
    if (!defs.isEmpty()) {
      // Sorted, so the document does not depend on the order types were met.
      doc.put("$defs", new LinkedHashMap<>(defs));
    }
    return Json.write(doc);
  }

  /**
   * The schema of a value.
   *
   * @param checked whether the value's constraints are checked (its object is validated)
   * @param top whether it is the boundary's value or an element of a container at the top, whose
   *     objects are validated without {@code @Valid}
   * @param defs the object definitions referenced so far, filled as they are met
   */
  private Map<String, Object> schema(
      Slot slot, boolean nullable, boolean checked, boolean top, Map<String, Object> defs) {
    Map<String, Object> schema = shape(slot, checked, top, defs);
    if (checked) {
      for (ConstraintModel c : slot.constraints()) {
        keywords(schema, c, slot.shape());
      }
    }
    return nullable ? nullable(schema) : schema;
  }

  /**
   * An object's definition. Bean Validation checks a nested object only where it is marked
   * {@code @Valid}; elsewhere the object gets a second definition without constraints, so the
   * schema accepts exactly what the validator accepts.
   */
  private String define(ObjectShape o, boolean validated, Map<String, Object> defs) {
    String name = validated ? o.key() : o.key() + "-unvalidated";
    if (defs.containsKey(name)) {
      return name;
    }
    defs.put(name, Map.of()); // placeholder: a recursive reference finds it and stops
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("title", o.key().substring(o.key().lastIndexOf('.') + 1));
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (Property p : objects.get(o.key())) {
      boolean nullable = validated ? p.slot().nullable() : !primitive(p.slot().shape());
      properties.put(p.name(), schema(p.slot(), nullable, validated, false, defs));
      if (!nullable) {
        required.add(p.name());
      }
    }
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    schema.put("additionalProperties", false);
    defs.put(name, schema);
    return name;
  }

  private static boolean primitive(Shape shape) {
    return shape instanceof Scalar s && s.primitive();
  }

  private Map<String, Object> shape(
      Slot slot, boolean checked, boolean top, Map<String, Object> defs) {
    Shape shape = slot.shape();
    Map<String, Object> schema = new LinkedHashMap<>();
    if (shape instanceof Scalar s) {
      schema.put("type", s.kind().jsonType);
      if (s.kind().format != null) {
        schema.put("format", s.kind().format);
      }
      if (s.kind().pattern() != null) {
        schema.put("pattern", s.kind().pattern());
      }
    } else if (shape instanceof EnumShape e) {
      schema.put("type", "string");
      schema.put("enum", new ArrayList<Object>(e.constants()));
    } else if (shape instanceof ListShape l) {
      schema.put("type", "array");
      schema.put("items", schema(l.element(), l.element().nullable(), checked, top, defs));
      if (l.set()) {
        schema.put("uniqueItems", true);
      }
    } else if (shape instanceof MapShape m) {
      schema.put("type", "object");
      schema.put(
          "additionalProperties", schema(m.value(), m.value().nullable(), checked, top, defs));
    } else if (shape instanceof OptionalShape o) {
      schema.putAll(schema(o.value(), true, checked, top, defs));
    } else if (shape instanceof ObjectShape o) {
      boolean validated = checked && (top || slot.cascade());
      schema.put("$ref", "#/$defs/" + define(o, validated, defs));
    }
    return schema;
  }

  /** Allows null: a second type, null among the constants, or an alternative to a reference. */
  @SuppressWarnings("unchecked") // enum lists are built above as List<Object>
  private static Map<String, Object> nullable(Map<String, Object> schema) {
    Object type = schema.get("type");
    if (schema.containsKey("$ref")) {
      Map<String, Object> wrapper = new LinkedHashMap<>();
      wrapper.put("anyOf", List.of(schema, Map.of("type", "null")));
      return wrapper;
    }
    if (type instanceof String t) {
      schema.put("type", List.of(t, "null"));
      if (schema.get("enum") instanceof List<?> constants && !constants.contains(null)) {
        ((List<Object>) constants).add(null);
      }
    }
    return schema;
  }

  private static void keywords(Map<String, Object> schema, ConstraintModel c, Shape shape) {
    String unit =
        shape instanceof ListShape ? "Items" : shape instanceof MapShape ? "Properties" : "Length";
    switch (c.kind()) {
      case NOT_BLANK -> {
        lower(schema, "min" + unit, 1);
        schema.putIfAbsent("pattern", "\\S");
      }
      case NOT_EMPTY -> lower(schema, "min" + unit, 1);
      case SIZE -> {
        if (c.longValue("min") > 0) {
          lower(schema, "min" + unit, c.longValue("min"));
        }
        if (c.longValue("max") < Integer.MAX_VALUE) {
          upper(schema, "max" + unit, c.longValue("max"));
        }
      }
      case MIN -> schema.put("minimum", c.longValue("value"));
      case MAX -> schema.put("maximum", c.longValue("value"));
      case POSITIVE -> schema.put("exclusiveMinimum", 0);
      case POSITIVE_OR_ZERO -> schema.put("minimum", 0);
      case NEGATIVE -> schema.put("exclusiveMaximum", 0);
      case NEGATIVE_OR_ZERO -> schema.put("maximum", 0);
      case DECIMAL_MIN ->
          schema.put(
              c.bool("inclusive") ? "minimum" : "exclusiveMinimum",
              new BigDecimal(c.string("value")));
      case DECIMAL_MAX ->
          schema.put(
              c.bool("inclusive") ? "maximum" : "exclusiveMaximum",
              new BigDecimal(c.string("value")));
      case PATTERN -> {
        // Bean Validation matches the whole string; a JSON Schema pattern matches anywhere.
        // ECMA-262 has no inline flags, so a pattern with flags is left to the validator.
        if (c.attributes().get("flags") instanceof List<?> flags && flags.isEmpty()) {
          schema.put("pattern", "^(?:" + c.string("regexp") + ")$");
        }
      }
      case EMAIL -> schema.put("format", "email");
      case ASSERT_TRUE -> schema.put("const", true);
      case ASSERT_FALSE -> schema.put("const", false);
      default -> {
        // NOT_NULL is "required" and no null type; dates relative to now have no keyword
      }
    }
  }

  private static void lower(Map<String, Object> schema, String key, long value) {
    Object old = schema.get(key);
    schema.put(key, old instanceof Long l ? Math.max(l, value) : value);
  }

  private static void upper(Map<String, Object> schema, String key, long value) {
    Object old = schema.get(key);
    schema.put(key, old instanceof Long l ? Math.min(l, value) : value);
  }
}

package dev.stepwise.runtime.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.ValidationException;
import dev.stepwise.runtime.Violation;
import dev.stepwise.runtime.spi.validation.Contract;
import dev.stepwise.runtime.spi.validation.Violations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads JSON that callers send ({@code startJson}, {@code resumeJson}): first checks its shape
 * against the boundary's generated schema, so malformed JSON, wrong types, unknown enum constants,
 * missing required and unknown properties, and strings or keys that are not valid Unicode (half of
 * a UTF-16 surrogate pair, such as the JSON escape of U+D800 alone), each come back with their
 * path, all at once; then decodes it, refusing a number that its Java type cannot hold rather than
 * storing another one. The constraints are checked afterwards by the generated validator, like any
 * typed value.
 *
 * <p>Only the shape keywords of the generated schemas are read here ({@code type}, {@code
 * properties}, {@code required}, {@code additionalProperties}, {@code items}, {@code enum}, {@code
 * format}, {@code $ref}, {@code anyOf}); constraint keywords are left to the validator, whose
 * messages are Hibernate Validator's.
 */
public final class JsonInputs {
  /** The codec's mapper, refusing floating-point numbers that would not be what was sent. */
  private final ObjectMapper mapper;

  /** Stricter than the codec: what a caller sends must be one JSON value, each key once. */
  private final ObjectReader strict;

  /** The most digits the codec reads in a number: more in stored JSON would make it unreadable. */
  private final int maxNumberLength;

  private final Map<String, JsonNode> schemas = new ConcurrentHashMap<>();

  public JsonInputs(JsonCodec codec) {
    this.mapper = codec.mapper().copy().registerModule(FloatingPointRange.module());
    this.strict = mapper.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.maxNumberLength = codec.mapper().getFactory().streamReadConstraints().getMaxNumberLength();
  }

  /** The decoded value; a {@link ValidationException} naming {@code subject} if it is unfit. */
  public Object read(Contract<?> contract, String json, String subject) {
    JsonNode node = parse(json, subject);
    JsonNode root = schemas.computeIfAbsent(contract.schema(), this::parseSchema);
    List<Violation> violations = new ArrayList<>();
    check(node, root, root, "$", violations);
    if (!violations.isEmpty()) {
      throw new ValidationException(subject, violations);
    }
    try {
      return mapper.treeToValue(node, mapper.constructType(contract.type()));
    } catch (JsonMappingException e) {
      throw invalid(subject, path(e), "cannot be read: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw invalid(subject, "$", "cannot be read: " + e.getOriginalMessage());
    }
  }

  /** The one JSON value of {@code json}; a {@link ValidationException} if there is none. */
  private JsonNode parse(String json, String subject) {
    if (json == null) {
      throw invalid(subject, "$", "is not valid JSON: there is no value");
    }
    try (JsonParser parser = strict.createParser(json)) {
      JsonNode node;
      try {
        node = ExactTree.read(parser);
      } catch (NumberFormatException e) {
        // BigDecimal's scale is an int: 1e9999999999 has no BigDecimal (nor any Java number).
        throw invalid(
            subject,
            path(parser.getParsingContext()),
            "is out of range: no Java number holds a number with this exponent");
      }
      if (node == null) {
        throw invalid(subject, "$", "is not valid JSON: there is no value");
      }
      if (parser.nextToken() != null) {
        throw invalid(
            subject,
            "$",
            "is not valid JSON: there is more after the value"
                + where(parser.currentTokenLocation()));
      }
      return node;
    } catch (JsonProcessingException e) {
      throw invalid(
          subject, "$", "is not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a String cannot fail", e);
    }
  }

  private static String where(JsonLocation location) {
    return location == null
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private JsonNode parseSchema(String schema) {
    try {
      return mapper.readTree(schema);
    } catch (JsonProcessingException e) {
      throw new StepwiseException("A generated schema is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private void check(
      JsonNode node, JsonNode schema, JsonNode root, String path, List<Violation> out) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      JsonNode target = root.path("$defs").path(ref.substring("#/$defs/".length()));
      check(node, target, root, path, out);
      return;
    }
    if (schema.has("anyOf")) {
      anyOf(node, schema.get("anyOf"), root, path, out);
      return;
    }
    if (schema.has("type") && !typeMatches(node, schema.get("type"))) {
      out.add(new Violation(path, wrongType(node, schema.get("type"))));
      return;
    }
    if (node.isNull()) {
      return;
    }
    if (node.isTextual()) {
      int at = Unicode.loneSurrogate(node.textValue());
      if (at >= 0) {
        out.add(new Violation(path, Unicode.problem(at)));
        return;
      }
    }
    if (node.isNumber() && !node.isIntegralNumber() && declares(schema.path("type"), "integer")) {
      // 1e100000 is an integer, and a BigInteger is written out in full: into more digits than
      // the codec reads back, so the run could never read its own input.
      BigDecimal value = node.decimalValue();
      if (value.precision() - value.scale() > maxNumberLength) {
        out.add(
            new Violation(
                path,
                "is too large: written out, it has more than "
                    + maxNumberLength
                    + " digits, which could not be read back once stored"));
        return;
      }
    }
    if (schema.has("enum") && node.isTextual() && !contains(schema.get("enum"), node)) {
      out.add(
          new Violation(path, "must be one of " + constants(schema.get("enum")) + ", was " + node));
      return;
    }
    if (schema.has("format") && node.isTextual()) {
      String problem = format(schema.get("format").asText(), node.asText());
      if (problem != null) {
        out.add(new Violation(path, problem));
        return;
      }
    }
    if (node.isObject()) {
      object(node, schema, root, path, out);
    } else if (node.isArray() && schema.has("items")) {
      if (schema.path("uniqueItems").asBoolean(false) && hasDuplicates(node)) {
        // A Set would silently drop the repeated element: say so instead.
        out.add(new Violation(path, "must not contain the same element twice"));
        return;
      }
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), schema.get("items"), root, path + "[" + i + "]", out);
      }
    }
  }

  /** The first alternative that fits; else the problems with the non-null alternative. */
  private void anyOf(
      JsonNode node, JsonNode alternatives, JsonNode root, String path, List<Violation> out) {
    List<Violation> best = null;
    for (JsonNode alternative : alternatives) {
      List<Violation> attempt = new ArrayList<>();
      check(node, alternative, root, path, attempt);
      if (attempt.isEmpty()) {
        return;
      }
      boolean nullAlternative = "null".equals(alternative.path("type").asText());
      if (best == null || !nullAlternative) {
        best = attempt; // "must be an object" says more than "must be null"
      }
    }
    out.addAll(best);
  }

  private void object(
      JsonNode node, JsonNode schema, JsonNode root, String path, List<Violation> out) {
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.path("additionalProperties");
    for (JsonNode required : schema.path("required")) {
      if (!node.has(required.asText())) {
        out.add(new Violation(path + "." + required.asText(), "is required"));
      }
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (properties.has(name)) {
        check(field.getValue(), properties.get(name), root, path + "." + name, out);
        continue;
      }
      StringBuilder keyPath = new StringBuilder(path);
      Violations.appendKey(keyPath, name);
      int at = Unicode.loneSurrogate(name);
      if (at >= 0) {
        out.add(new Violation(keyPath.toString(), "the key " + Unicode.problem(at)));
      } else if (additional.isObject()) {
        check(field.getValue(), additional, root, keyPath.toString(), out);
      } else if (additional.isBoolean() && !additional.asBoolean()) {
        List<String> known = new ArrayList<>();
        properties.fieldNames().forEachRemaining(known::add);
        out.add(
            new Violation(
                keyPath.toString(),
                "is not a property of "
                    + schema.path("title").asText("this object")
                    + "; known properties: "
                    + String.join(", ", known)));
      }
    }
  }

  private static boolean hasDuplicates(JsonNode array) {
    Set<JsonNode> seen = new HashSet<>();
    for (JsonNode element : array) {
      if (!seen.add(element)) {
        return true;
      }
    }
    return false;
  }

  private static boolean declares(JsonNode type, String name) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (name.equals(t.asText())) {
          return true;
        }
      }
      return false;
    }
    return name.equals(type.asText());
  }

  private static boolean typeMatches(JsonNode node, JsonNode type) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isType(node, t.asText())) {
          return true;
        }
      }
      return false;
    }
    return isType(node, type.asText());
  }

  private static boolean isType(JsonNode node, String type) {
    return switch (type) {
      case "null" -> node.isNull();
      case "boolean" -> node.isBoolean();
      case "string" -> node.isTextual();
      case "object" -> node.isObject();
      case "array" -> node.isArray();
      case "number" -> node.isNumber();
      // 1.0 is an integer in JSON Schema; 1.5 is not, and must not be truncated silently.
      case "integer" ->
          node.isIntegralNumber()
              || (node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0);
      default -> true;
    };
  }

  private static String wrongType(JsonNode node, JsonNode type) {
    List<String> expected = new ArrayList<>();
    if (type.isArray()) {
      type.forEach(t -> expected.add(t.asText()));
    } else {
      expected.add(type.asText());
    }
    expected.remove("null");
    if (node.isNull()) {
      return "must not be null";
    }
    if (expected.isEmpty()) {
      // The null alternative of a nullable object: anyOf reports the other one's problems.
      return "must be null, was " + article(kind(node));
    }
    return "must be " + article(expected.get(0)) + ", was " + article(kind(node));
  }

  private static String kind(JsonNode node) {
    if (node.isTextual()) {
      return "string";
    }
    if (node.isIntegralNumber()) {
      return "integer";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    return node.isArray() ? "array" : "object";
  }

  private static String article(String type) {
    return (type.matches("[aeiou].*") ? "an " : "a ") + type;
  }

  private static boolean contains(JsonNode constants, JsonNode value) {
    for (JsonNode c : constants) {
      if (c.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String constants(JsonNode constants) {
    List<String> names = new ArrayList<>();
    constants.forEach(
        c -> {
          if (!c.isNull()) {
            names.add(c.asText());
          }
        });
    return String.join(", ", names);
  }

  /** What is wrong with a string of this format, or null. */
  private static String format(String format, String text) {
    try {
      switch (format) {
        case "uuid" -> {
          if (text.length() != 36) {
            return "must be a UUID like 123e4567-e89b-12d3-a456-426614174000";
          }
          UUID.fromString(text);
        }
        case "date" -> LocalDate.parse(text);
        case "date-time" -> OffsetDateTime.parse(text);
        case "time" -> OffsetTime.parse(text);
        case "duration" -> {
          if (text.contains("T") || text.startsWith("PT")) {
            Duration.parse(text);
          } else {
            Period.parse(text);
          }
        }
        default -> {
          // email and others: checked by the validator, with its message
        }
      }
      return null;
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return switch (format) {
        case "uuid" -> "must be a UUID like 123e4567-e89b-12d3-a456-426614174000";
        case "date" -> "must be a date like 2024-05-31";
        case "date-time" -> "must be a date and time with an offset, like 2024-05-31T09:30:00Z";
        case "time" -> "must be a time with an offset, like 09:30:00+02:00";
        default -> "must be an ISO-8601 duration like PT30S or P2D";
      };
    }
  }

  /** The path of the value a parser is at, like {@code $.lines[0].quantity}. */
  private static String path(JsonStreamContext context) {
    Deque<JsonStreamContext> chain = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.push(c);
    }
    StringBuilder path = new StringBuilder("$");
    for (JsonStreamContext c : chain) {
      if (c.inArray()) {
        path.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
      } else if (c.getCurrentName() != null) {
        Violations.appendKey(path, c.getCurrentName());
      }
    }
    return path.toString();
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        Violations.appendKey(path, ref.getFieldName()); // a map's key may be any text
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static ValidationException invalid(String subject, String path, String message) {
    // Jackson's messages quote what it could not read, which may be half a surrogate pair.
    return new ValidationException(
        subject, List.of(new Violation(path, Unicode.escapeLoneSurrogates(message))));
  }
}

package dev.stepwise.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether what a JSON entry point stored is what it was given, judged independently of the engine's
 * own code: the given text and the stored text are each decoded into the boundary's Java type by a
 * reference mapper (configured as the engine's codec is documented to be) and compared deeply; and
 * every number of the given text is compared with the number stored at the same place, by value, so
 * a number turned into Infinity, 0 or another number is caught even where the typed values would
 * agree. Rounding to the precision of a {@code double} or {@code float} is what those types mean
 * and counts as equal.
 */
final class FuzzOracle {
  /** Reads the given and stored texts into Java values, as the codec does. */
  static final ObjectMapper TYPED =
      new ObjectMapper()
          .registerModule(new ParameterNamesModule())
          .registerModule(new Jdk8Module())
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

  /** Reads texts as trees with every number exact. */
  static final ObjectMapper EXACT =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private FuzzOracle() {}

  /** Why {@code stored} is not what {@code given} said, or null when it is. */
  static String difference(String given, String stored, Type type) {
    if (stored == null) {
      return "accepted, but nothing was stored";
    }
    try {
      JsonNode givenTree = EXACT.readTree(given);
      String half = loneSurrogate(givenTree, "$");
      if (half != null) {
        return "accepted a lone surrogate at " + half;
      }
      if (loneSurrogate(stored) >= 0) {
        return "stored text that is not valid Unicode";
      }
      JavaType javaType = TYPED.constructType(type);
      Object expected = TYPED.readValue(given, javaType);
      Object actual = TYPED.readValue(stored, javaType);
      if (!same(expected, actual)) {
        String where = firstDifference(TYPED.valueToTree(expected), TYPED.valueToTree(actual), "$");
        return "read back differently: " + (where == null ? "(equal as JSON)" : where);
      }
      return numbers(givenTree, EXACT.readTree(stored), "$");
    } catch (JsonProcessingException e) {
      return "the reference mapper cannot read the given or the stored text: " + e.getMessage();
    }
  }

  /** Deep equality of decoded values: records and arrays by component, others by equals. */
  static boolean same(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || a.getClass() != b.getClass()) {
      return false;
    }
    if (a.getClass().isRecord()) {
      for (RecordComponent c : a.getClass().getRecordComponents()) {
        if (!same(component(c, a), component(c, b))) {
          return false;
        }
      }
      return true;
    }
    if (a.getClass().isArray()) {
      if (Array.getLength(a) != Array.getLength(b)) {
        return false;
      }
      for (int i = 0; i < Array.getLength(a); i++) {
        if (!same(Array.get(a, i), Array.get(b, i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (!x.keySet().equals(y.keySet())) {
        return false;
      }
      for (Object key : x.keySet()) {
        if (!same(x.get(key), y.get(key))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Optional<?> x && b instanceof Optional<?> y) {
      return same(x.orElse(null), y.orElse(null));
    }
    if (a instanceof Set || a instanceof Number || a instanceof CharSequence || isValue(a)) {
      return a.equals(b);
    }
    // A class with getters and no equals (Account): compare what it shows as JSON.
    return TYPED.valueToTree(a).equals(TYPED.valueToTree(b));
  }

  private static boolean isValue(Object o) {
    Package p = o.getClass().getPackage();
    return o instanceof Enum<?>
        || o instanceof Boolean
        || o instanceof Character
        || (p != null && p.getName().startsWith("java."));
  }

  private static Object component(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where two trees first differ, with both values; null if they are equal. */
  private static String firstDifference(JsonNode given, JsonNode stored, String path) {
    if (given.isObject() && stored.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      given.fieldNames().forEachRemaining(names::add);
      stored.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String inside =
            firstDifference(
                given.path(name), stored.path(name), path + "." + FuzzPayloads.escape(name));
        if (inside != null) {
          return inside;
        }
      }
      return null;
    }
    if (given.isArray() && stored.isArray() && given.size() == stored.size()) {
      for (int i = 0; i < given.size(); i++) {
        String inside = firstDifference(given.get(i), stored.get(i), path + "[" + i + "]");
        if (inside != null) {
          return inside;
        }
      }
      return null;
    }
    return given.equals(stored)
        ? null
        : path + ": given " + abbreviated(given) + ", read back " + abbreviated(stored);
  }

  /** The first number of {@code given} not stored at its place with its value, or null. */
  private static String numbers(JsonNode given, JsonNode stored, String path) {
    if (given.isNumber()) {
      if (!stored.isNumber()) {
        return "the number " + given + " at " + path + " was stored as " + abbreviated(stored);
      }
      return sameNumber(given.decimalValue(), stored.decimalValue())
          ? null
          : "the number " + given + " at " + path + " was stored as " + stored;
    }
    if (given.isObject() && stored.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = given.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        JsonNode s = stored.get(f.getKey());
        String problem =
            s == null
                ? (containsNumber(f.getValue())
                    ? "the numbers at " + path + "." + f.getKey() + " were not stored"
                    : null)
                : numbers(f.getValue(), s, path + "." + f.getKey());
        if (problem != null) {
          return problem;
        }
      }
    } else if (given.isArray() && stored.isArray() && given.size() == stored.size()) {
      for (int i = 0; i < given.size(); i++) {
        String problem = numbers(given.get(i), stored.get(i), path + "[" + i + "]");
        if (problem != null) {
          return problem;
        }
      }
    } else if (containsNumber(given)) {
      return "the numbers at " + path + " were stored as " + abbreviated(stored);
    }
    return null;
  }

  private static boolean sameNumber(BigDecimal given, BigDecimal stored) {
    if (given.compareTo(stored) == 0) {
      return true;
    }
    // Rounded to the nearest double or float: equal when read as that type, and not 0 or infinity
    // for a number that is neither.
    double gd = given.doubleValue();
    double sd = stored.doubleValue();
    boolean asDouble = gd == sd && Double.isFinite(gd) && (gd != 0 || given.signum() == 0);
    float gf = given.floatValue();
    float sf = stored.floatValue();
    boolean asFloat = gf == sf && Float.isFinite(gf) && (gf != 0 || given.signum() == 0);
    return asDouble || asFloat;
  }

  private static boolean containsNumber(JsonNode node) {
    if (node.isNumber()) {
      return true;
    }
    for (JsonNode child : node) {
      if (containsNumber(child)) {
        return true;
      }
    }
    return false;
  }

  private static String abbreviated(JsonNode node) {
    return FuzzPayloads.abbreviate(FuzzPayloads.escape(node.toString()));
  }

  /** The path of the first string or key with a lone surrogate under {@code node}, or null. */
  private static String loneSurrogate(JsonNode node, String path) {
    if (node.isTextual()) {
      return loneSurrogate(node.textValue()) >= 0 ? path : null;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        String inside =
            loneSurrogate(f.getKey()) >= 0
                ? path + " (a key)"
                : loneSurrogate(f.getValue(), path + "." + FuzzPayloads.escape(f.getKey()));
        if (inside != null) {
          return inside;
        }
      }
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String inside = loneSurrogate(node.get(i), path + "[" + i + "]");
        if (inside != null) {
          return inside;
        }
      }
    }
    return null;
  }

  /** The index of the first lone surrogate of {@code s}, or -1; written here, not the engine's. */
  static int loneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether a violation's path is one: the root, or something inside it. */
  static boolean isPath(String path) {
    return path != null
        && (path.equals("$") || path.startsWith("$.") || path.startsWith("$["))
        && !path.endsWith(".");
  }
}

package dev.stepwise.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded JSON payloads for the fuzz campaign: a valid document of the boundary, changed by a few
 * random mutations (wrong types, missing, unknown and duplicate keys, deep nesting, huge numbers,
 * huge strings, lone surrogates as raw characters or as JSON escapes), or text-level damage
 * (truncation, garbage). A payload depends on the seed, its index and its base only, so one payload
 * of a long campaign can be generated again on its own.
 */
final class FuzzPayloads {
  /** One payload: the JSON text, and what was done to the base, for a failure message. */
  record Payload(String text, List<String> mutations) {}

  /**
   * A text node starting with this is written as the literal after it: numbers a tree cannot hold
   * (1e9999999999) and ones JSON does not allow (NaN, 01).
   */
  private static final String RAW = "\u0001raw:";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final String[] EXTREME_NUMBERS = {
    "1e400",
    "-1e400",
    "1e9999999999",
    "-1e9999999999",
    "1e-400",
    "1e-9999999999",
    "1e100000",
    "1" + "0".repeat(999),
    "1" + "0".repeat(1000),
    "-0",
    "-0.0",
    "0e0",
    "1E+2",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1.7976931348623157e308",
    "1.7976931348623159e308",
    "4.9e-324",
    "2.4e-324",
    "3.4028235e38",
    "3.4028236e38",
    "1.4e-45",
    "1e-46",
    "0.1",
    "12.30",
    "12.345678901234567890123",
    "123456789012345678901234567890",
    "1.0",
    "2.5",
    "-1",
    "0",
    "1",
    "32768",
    "128",
    "-129",
    "1000",
    "1001",
  };

  private static final String[] BAD_NUMBERS = {
    "NaN", "Infinity", "-Infinity", "01", "+1", ".5", "1.", "0x10", "1e", "--1", "1_000",
  };

  private static final String[] GARBAGE = {
    "",
    " ",
    "null",
    "[]",
    "{}",
    "\"x\"",
    "1",
    "true",
    "{",
    "}",
    "[",
    "{\"a\":}",
    "{\"a\" 1}",
    "{'a': 1}",
    "{a: 1}",
    "{\"a\": 1,}",
    "[1,]",
    "{} {}",
    "{\"a\": 1} x",
    "\ufeff{}",
    "/* c */ {}",
    "{\"a\": NaN}",
    "{\"a\": \"\\x41\"}",
    "{\"a\": \"\\u12\"}",
    "{\"a\": \"tab\there\"}",
    "{\"a\": \"\\ud800\"}",
    "\"\\udc00\"",
    "\ud800",
    "{\"\ud800\": 1}",
    "\u0000",
    "[[[[[[[[[[",
  };

  private static final String[] STRINGS = {
    "",
    " ",
    "  \t ",
    "x",
    "Ann Lee",
    "GOLD",
    "gold",
    "PLATINUM",
    "2",
    "true",
    "null",
    "2024-05-31",
    "2024-05-31T09:30:00Z",
    "2024-05-31T09:30:00.123456789+02:00",
    "09:30:00+02:00",
    "PT30S",
    "P2D",
    "P2W",
    "PT90S",
    "2024-05",
    "123e4567-e89b-12d3-a456-426614174000",
    "123E4567-E89B-12D3-A456-426614174000",
    "not-a-uuid",
    "ann@example.com",
    "a@b",
    "12345",
    "DE",
    "\ud83d\ude00",
    "na\u00efve caf\u00e9",
    "\u4e2d\u6587",
    "\u0000",
    "\u001f",
    "line\nbreak",
    "quote\"back\\slash",
    "\ufffe\uffff",
    "\u200b",
    "e\u0301",
    "\ud800",
    "\udc00",
    "a\ud800b",
    "\udbff\udfff",
    "\udfff\udbff",
  };

  private final Random random;
  private final List<String> mutations = new ArrayList<>();

  private FuzzPayloads(Random random) {
    this.random = random;
  }

  /** Payload {@code index} of the campaign with {@code seed}, derived from {@code base}. */
  static Payload generate(long seed, int index, JsonNode base) {
    // Random keeps 48 bits of its seed: spread the index over them.
    FuzzPayloads g = new FuzzPayloads(new Random(seed * 0x9E3779B97F4A7C15L + index * 7919L));
    return g.payload(base);
  }

  private Payload payload(JsonNode base) {
    if (random.nextInt(100) < 6) {
      String text = pick(GARBAGE);
      mutations.add("garbage");
      return new Payload(text, mutations);
    }
    JsonNode doc = base.deepCopy();
    int n = weighted(new int[] {12, 45, 25, 12, 6}); // 0 to 4 mutations
    for (int i = 0; i < n; i++) {
      doc = mutate(doc);
    }
    Writer writer = new Writer();
    String text = writer.write(doc);
    if (random.nextInt(100) < 6) {
      text = damage(text);
    }
    return new Payload(text, mutations);
  }

  private JsonNode mutate(JsonNode doc) {
    List<Place> places = new ArrayList<>();
    collect(doc, null, null, -1, "$", 0, places);
    Place at = places.get(random.nextInt(places.size()));
    switch (weighted(new int[] {30, 14, 8, 8, 8, 10, 4, 4, 5, 9})) {
      case 0 -> {
        mutations.add("leaf " + at.path);
        return at.replace(doc, leaf(at.node));
      }
      case 1 -> {
        mutations.add("any value at " + at.path);
        return at.replace(doc, anyValue(3));
      }
      case 2 -> {
        Place object = anyObject(places);
        if (object != null && object.node.size() > 0) {
          String name = fieldNames(object.node).get(random.nextInt(object.node.size()));
          ((ObjectNode) object.node).remove(name);
          mutations.add("removed " + object.path + "." + name);
        }
        return doc;
      }
      case 3 -> {
        Place object = anyObject(places);
        if (object != null) {
          String key = key();
          ((ObjectNode) object.node).set(key, anyValue(2));
          mutations.add("added key " + escape(key) + " at " + object.path);
        }
        return doc;
      }
      case 4 -> {
        Place object = anyObject(places);
        if (object != null && object.node.size() > 0) {
          // A valid-looking change of an existing key's value: keeps the rest acceptable.
          String name = fieldNames(object.node).get(random.nextInt(object.node.size()));
          JsonNode value = object.node.get(name);
          ((ObjectNode) object.node).set(name, value.isContainerNode() ? value : leaf(value));
          mutations.add("value of " + object.path + "." + name);
        }
        return doc;
      }
      case 5 -> {
        Place array = anyArray(places);
        if (array != null) {
          arrayChange((ArrayNode) array.node);
          mutations.add("array " + array.path);
        }
        return doc;
      }
      case 6 -> {
        int depth = pick(new int[] {50, 400, 499, 998, 1000, 1001, 1500});
        mutations.add("nested " + depth + " deep at " + at.path);
        return at.replace(doc, nested(depth));
      }
      case 7 -> {
        int depth = pick(new int[] {10, 100, 249, 250, 499, 500, 600});
        mutations.add("tree " + depth + " deep at " + at.path);
        return at.replace(doc, tree(depth));
      }
      case 8 -> {
        int length = pick(new int[] {10_000, 65_536, 100_000, 300_000});
        mutations.add("string of " + length + " at " + at.path);
        return at.replace(doc, TextNode.valueOf(hugeString(length)));
      }
      default -> {
        String number = random.nextInt(5) == 0 ? pick(BAD_NUMBERS) : pick(EXTREME_NUMBERS);
        mutations.add("number " + abbreviate(number) + " at " + at.path);
        return at.replace(doc, TextNode.valueOf(RAW + number));
      }
    }
  }

  /** A replacement for a leaf of the same kind, mostly, so many payloads stay acceptable. */
  private JsonNode leaf(JsonNode node) {
    if (node.isTextual() || random.nextInt(4) == 0) {
      return TextNode.valueOf(string());
    }
    if (node.isNumber()) {
      return TextNode.valueOf(RAW + pick(EXTREME_NUMBERS));
    }
    if (node.isBoolean()) {
      return random.nextBoolean() ? NODES.booleanNode(!node.booleanValue()) : NODES.numberNode(1);
    }
    return anyValue(2);
  }

  private String string() {
    return switch (random.nextInt(4)) {
      case 0 -> pick(STRINGS);
      case 1 -> insertSurrogate(pick(STRINGS));
      case 2 -> randomText(random.nextInt(40));
      default -> pick(STRINGS) + randomText(random.nextInt(5)) + pick(STRINGS);
    };
  }

  private String insertSurrogate(String s) {
    int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
    char half =
        random.nextBoolean()
            ? (char) (0xD800 + random.nextInt(0x400))
            : (char) (0xDC00 + random.nextInt(0x400));
    return s.substring(0, at) + half + s.substring(at);
  }

  private String randomText(int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(10)) {
        case 0 -> b.appendCodePoint(0x1F300 + random.nextInt(0x300)); // a pair
        case 1 -> b.append((char) random.nextInt(0x20)); // a control character
        case 2 -> b.append((char) (0xD800 + random.nextInt(0x800))); // half a pair, rarely whole
        case 3 -> b.append((char) (0x80 + random.nextInt(0xD000)));
        case 4 -> b.append(pick(new String[] {"\"", "\\", "/", "'", "{", "}", "[", "]", ",", ":"}));
        default -> b.append((char) (0x20 + random.nextInt(0x5f)));
      }
    }
    return b.toString();
  }

  private String hugeString(int length) {
    StringBuilder b = new StringBuilder(length);
    String unit = random.nextBoolean() ? "abcdefghij" : "\u00e9\u4e2d\ud83d\ude00x";
    while (b.length() < length) {
      b.append(unit);
    }
    b.setLength(length - (Character.isHighSurrogate(b.charAt(length - 1)) ? 1 : 0));
    if (random.nextInt(3) == 0) {
      b.setCharAt(random.nextInt(b.length()), '\udfff');
    }
    return b.toString();
  }

  private String key() {
    return pick(
        new String[] {
          "",
          "unknown",
          "a b",
          "'",
          "\\",
          "\"",
          "\u0000",
          "\ud800",
          "x\udc00",
          "\ud83d\ude00",
          "k".repeat(1000),
          "id",
          "name",
          "owner",
          "__proto__",
          "$ref",
          "0",
          "gift",
          "apple"
        });
  }

  private JsonNode anyValue(int depth) {
    int kind = random.nextInt(depth <= 0 ? 6 : 8);
    return switch (kind) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.numberNode(random.nextInt(2001) - 1000);
      case 3 ->
          NODES.numberNode(
              new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(6)));
      case 4 -> TextNode.valueOf(RAW + pick(EXTREME_NUMBERS));
      case 5 -> TextNode.valueOf(string());
      case 6 -> {
        ArrayNode a = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          a.add(anyValue(depth - 1));
        }
        yield a;
      }
      default -> {
        ObjectNode o = NODES.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          o.set(random.nextBoolean() ? key() : "label", anyValue(depth - 1));
        }
        yield o;
      }
    };
  }

  private void arrayChange(ArrayNode array) {
    switch (random.nextInt(5)) {
      case 0 -> array.removeAll();
      case 1 -> {
        if (!array.isEmpty()) {
          array.add(array.get(random.nextInt(array.size())).deepCopy()); // a Set's element twice
        }
      }
      case 2 -> array.add(anyValue(2));
      case 3 -> {
        if (!array.isEmpty()) {
          array.remove(random.nextInt(array.size()));
        }
      }
      default -> {
        for (int i = random.nextInt(200); i > 0 && !array.isEmpty(); i--) {
          array.add(array.get(0).deepCopy());
        }
      }
    }
  }

  private static JsonNode nested(int depth) {
    JsonNode node = NODES.numberNode(1);
    for (int i = 0; i < depth; i++) {
      node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
    }
    return node;
  }

  /** A valid Node chain: each level is an object and a list, two levels of JSON nesting. */
  private static JsonNode tree(int depth) {
    ObjectNode node = NODES.objectNode().put("label", "leaf").set("children", NODES.arrayNode());
    for (int i = 0; i < depth; i++) {
      node = NODES.objectNode().put("label", "n" + i).set("children", NODES.arrayNode().add(node));
    }
    return node;
  }

  private String damage(String text) {
    if (text.isEmpty()) {
      return "{";
    }
    int at = random.nextInt(text.length());
    String change;
    String result =
        switch (random.nextInt(4)) {
          case 0 -> {
            change = "truncated at " + at;
            yield text.substring(0, at);
          }
          case 1 -> {
            change = "deleted char " + at;
            yield text.substring(0, at) + text.substring(at + 1);
          }
          case 2 -> {
            change = "inserted at " + at;
            yield text.substring(0, at)
                + pick(new String[] {"{", "}", "\"", ",", ":", "\\", "\ud800"})
                + text.substring(at);
          }
          default -> {
            change = "trailing content";
            yield text + pick(new String[] {" {}", " x", ",", "\u0000"});
          }
        };
    mutations.add(change);
    return result;
  }

  /** Writes a tree as JSON text, choosing escapes and whitespace, and maybe a key twice. */
  private final class Writer {
    private final boolean escapeHalves = random.nextBoolean();
    private final boolean escapeNonAscii = random.nextInt(10) == 0;
    private final boolean spaced = random.nextInt(5) == 0;
    private boolean duplicateKey = random.nextInt(20) == 0;
    private final StringBuilder out = new StringBuilder();

    String write(JsonNode node) {
      if (escapeHalves) {
        mutations.add("halves escaped");
      }
      value(node);
      return out.toString();
    }

    private void value(JsonNode node) {
      if (node.isObject()) {
        out.append('{');
        String sep = "";
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> f = fields.next();
          out.append(sep);
          field(f.getKey(), f.getValue());
          if (duplicateKey) {
            duplicateKey = false;
            mutations.add("duplicate key " + escape(f.getKey()));
            out.append(',');
            field(f.getKey(), f.getValue());
          }
          sep = spaced ? ", " : ",";
        }
        out.append('}');
      } else if (node.isArray()) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(spaced ? ", " : ",");
          }
          value(node.get(i));
        }
        out.append(']');
      } else if (node.isTextual() && node.textValue().startsWith(RAW)) {
        out.append(node.textValue().substring(RAW.length()));
      } else if (node.isTextual()) {
        string(node.textValue());
      } else {
        out.append(node.toString()); // numbers, booleans, null
      }
    }

    private void field(String key, JsonNode value) {
      string(key);
      out.append(spaced ? ": " : ":");
      value(value);
    }

    private void string(String s) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean half =
            Character.isSurrogate(c)
                && !(Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1)))
                && !(Character.isLowSurrogate(c)
                    && i > 0
                    && Character.isHighSurrogate(s.charAt(i - 1)));
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20 || (half && escapeHalves) || (c > 0x7e && escapeNonAscii)) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      out.append('"');
    }
  }

  /** A node of the document and how to put another in its place. */
  private record Place(JsonNode node, JsonNode parent, String name, int index, String path) {
    JsonNode replace(JsonNode doc, JsonNode with) {
      if (parent == null) {
        return with;
      }
      if (parent instanceof ObjectNode o) {
        o.set(name, with);
      } else {
        ((ArrayNode) parent).set(index, with);
      }
      return doc;
    }
  }

  /**
   * The places a mutation may change: only the top levels, so that deep nesting added by one
   * mutation is not nested again by the next (the document stays within what a stack can write).
   */
  private static void collect(
      JsonNode node,
      JsonNode parent,
      String name,
      int index,
      String path,
      int depth,
      List<Place> out) {
    out.add(new Place(node, parent, name, index, path));
    if (depth == 12) {
      return;
    }
    if (node.isObject()) {
      for (String field : fieldNames(node)) {
        collect(node.get(field), node, field, -1, path + "." + escape(field), depth + 1, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < Math.min(node.size(), 50); i++) {
        collect(node.get(i), node, null, i, path + "[" + i + "]", depth + 1, out);
      }
    }
  }

  private Place anyObject(List<Place> places) {
    List<Place> objects = places.stream().filter(p -> p.node.isObject()).toList();
    return objects.isEmpty() ? null : objects.get(random.nextInt(objects.size()));
  }

  private Place anyArray(List<Place> places) {
    List<Place> arrays = places.stream().filter(p -> p.node.isArray()).toList();
    return arrays.isEmpty() ? null : arrays.get(random.nextInt(arrays.size()));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private int weighted(int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  private int pick(int[] options) {
    return options[random.nextInt(options.length)];
  }

  /** Text safe to print: non-ASCII and control characters as escapes, long runs shortened. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.toString();
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 30) + "...(" + s.length() + " chars)";
  }
}

package dev.stepwise.runtime.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepwise.runtime.Violation;
import dev.stepwise.runtime.spi.validation.Violations;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Lone UTF-16 surrogates: a Java string may hold half of a surrogate pair, Unicode text may not.
 * PostgreSQL stores text as UTF-8, and the driver turns such a half into {@code ?}; H2 keeps it. So
 * Stepwise refuses them in what callers send, and writes them as JSON escapes in what steps return
 * (see {@link JsonCodec}): nothing stored differs from what was given, on either database.
 */
final class Unicode {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Unicode() {}

  /** The index of the first lone surrogate in {@code text}, or -1 if it is valid Unicode. */
  static int loneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < Character.MIN_SURROGATE) {
        continue; // nearly every character: one comparison
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a pair: one code point
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** What a violation says about a string with a lone surrogate at {@code index}. */
  static String problem(int index) {
    return "contains a lone UTF-16 surrogate at index " + index + "; text must be valid Unicode";
  }

  /**
   * {@code text} with each lone surrogate written as its JSON escape: backslash, u, four hex
   * digits.
   */
  static String escapeLoneSurrogates(String text) {
    int first = loneSurrogate(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append("\\u")
            .append(HEX[c >> 12 & 0xf])
            .append(HEX[c >> 8 & 0xf])
            .append(HEX[c >> 4 & 0xf])
            .append(HEX[c & 0xf]);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A violation for every string value and every key under {@code node} with a lone surrogate. */
  static List<Violation> violations(JsonNode node) {
    List<Violation> out = new ArrayList<>();
    collect(node, new StringBuilder("$"), out);
    return out;
  }

  private static void collect(JsonNode node, StringBuilder path, List<Violation> out) {
    int length = path.length();
    if (node.isTextual()) {
      int at = loneSurrogate(node.textValue());
      if (at >= 0) {
        out.add(new Violation(path.toString(), problem(at)));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path.append('[').append(i).append(']'), out);
        path.setLength(length);
      }
    } else if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        Violations.appendKey(path, field.getKey());
        int at = loneSurrogate(field.getKey());
        if (at >= 0) {
          out.add(new Violation(path.toString(), "the key " + problem(at)));
        } else {
          collect(field.getValue(), path, out);
        }
        path.setLength(length);
      }
    }
  }
}

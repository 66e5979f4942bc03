package dev.stepwise.processor.write;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers and booleans as indented JSON, in insertion order, so a
 * generated schema is deterministic and readable. {@link BigDecimal}s are written as written.
 */
final class Json {
  private Json() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0);
    return out.append('\n').toString();
  }

  private static void write(StringBuilder out, Object value, int indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof BigDecimal d) {
      out.append(d.toPlainString());
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      object(out, map, indent);
    } else if (value instanceof List<?> list) {
      array(out, list, indent);
    } else {
      throw new IllegalArgumentException("not JSON: " + value.getClass());
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map, int indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append("{\n");
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> e = entries.next();
      out.append("  ".repeat(indent + 1));
      string(out, String.valueOf(e.getKey()));
      out.append(": ");
      write(out, e.getValue(), indent + 1);
      out.append(entries.hasNext() ? ",\n" : "\n");
    }
    out.append("  ".repeat(indent)).append('}');
  }

  private static void array(StringBuilder out, List<?> list, int indent) {
    // Short lists of scalars (enum constants, required names, types) stay on one line.
    boolean flat = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
    if (flat) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        write(out, list.get(i), indent);
      }
      out.append(']');
      return;
    }
    out.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      out.append("  ".repeat(indent + 1));
      write(out, list.get(i), indent + 1);
      out.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    out.append("  ".repeat(indent)).append(']');
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}

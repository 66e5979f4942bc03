package dev.stepwise.runtime.spi.validation;

import dev.stepwise.runtime.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the violations of one validation and tracks the JSON path of the value being checked.
 * Generated validators {@link #enter} a property before checking inside it and {@link #leave} it
 * after; the path is only turned into text when a violation is added, so a valid value costs no
 * string building.
 */
public final class Violations {
  private static final byte PROPERTY = 0;
  private static final byte INDEX = 1;
  private static final byte KEY = 2;
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private final List<Violation> violations = new ArrayList<>();
  private byte[] kinds = new byte[8];
  private String[] names = new String[8];
  private int[] indexes = new int[8];
  private int depth;

  /** Descends into a property of the current object. */
  public void enter(String property) {
    push(PROPERTY, property, 0);
  }

  /** Descends into an element of the current list or set. */
  public void enterIndex(int index) {
    push(INDEX, null, index);
  }

  /** Descends into a value of the current map. */
  public void enterKey(String key) {
    push(KEY, key, 0);
  }

  /** Goes back up one level. */
  public void leave() {
    depth--;
  }

  /** Adds a violation at the current path. */
  public void add(String message) {
    violations.add(new Violation(path(null), message));
  }

  /** Adds a violation at a property of the current object. */
  public void add(String property, String message) {
    violations.add(new Violation(path(property), message));
  }

  /** True if nothing was added. */
  public boolean isEmpty() {
    return violations.isEmpty();
  }

  /** What was added, in order. */
  public List<Violation> list() {
    return List.copyOf(violations);
  }

  private void push(byte kind, String name, int index) {
    if (depth == kinds.length) {
      kinds = Arrays.copyOf(kinds, depth * 2);
      names = Arrays.copyOf(names, depth * 2);
      indexes = Arrays.copyOf(indexes, depth * 2);
    }
    kinds[depth] = kind;
    names[depth] = name;
    indexes[depth] = index;
    depth++;
  }

  private String path(String property) {
    StringBuilder path = new StringBuilder("$");
    for (int i = 0; i < depth; i++) {
      switch (kinds[i]) {
        case PROPERTY -> path.append('.').append(names[i]);
        case INDEX -> path.append('[').append(indexes[i]).append(']');
        default -> appendKey(path, names[i]);
      }
    }
    if (property != null) {
      path.append('.').append(property);
    }
    return path.toString();
  }

  /**
   * {@code .key} when the key reads as a name, else {@code ['key']}, with backslashes and quotes
   * escaped, and each half of a broken surrogate pair written as its JSON escape (backslash, u,
   * four hex digits): a path is text that ends up in logs and databases, and such a half is not
   * Unicode.
   */
  public static void appendKey(StringBuilder path, String key) {
    if (key != null && IDENTIFIER.matcher(key).matches()) {
      path.append('.').append(key);
      return;
    }
    String text = String.valueOf(key);
    path.append("['");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (c == '\\' || c == '\'') {
        path.append('\\').append(c);
      } else if (paired) {
        path.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        path.append(String.format("\\u%04x", (int) c));
      } else {
        path.append(c);
      }
    }
    path.append("']");
  }
}

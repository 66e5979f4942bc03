package dev.stepwise.runtime.internal.model;

/**
 * What a caller may give as a run id or an idempotency key, and how long any stored run id may be.
 * Each check returns null for a value that is fine, or what is wrong with it and the rule, as a
 * phrase to follow the value ({@code quote(id) + " " + problem}, see {@link #quote}); the caller
 * turns that into its exception, before anything is read or stored.
 *
 * <p>A caller's run id has no {@code /}: the only ids with one are those of child runs, which the
 * engine makes as {@code parent/step} ({@link Ids#childId}) and finds descendants by. So no
 * caller-given id can pose as another run's child, and a child's id cannot be taken before the
 * child starts.
 */
public final class IdRules {
  private IdRules() {}

  /** The longest run id a caller may give. */
  public static final int MAX_RUN_ID = 128;

  /**
   * The longest run id of any run, a child run's ({@code parent/step/step...}) included: the width
   * of the run id columns (migration V9).
   */
  public static final int MAX_STORED_RUN_ID = 512;

  /** The longest idempotency key. */
  public static final int MAX_IDEMPOTENCY_KEY = 256;

  /** The run id rule, as the messages and the guide state it. */
  public static final String RUN_ID_RULE =
      "a run id is 1 to "
          + MAX_RUN_ID
          + " characters, each a letter (A-Z, a-z), a digit or one of - _ . : @";

  /** The idempotency key rule, as the messages and the guide state it. */
  public static final String KEY_RULE =
      "an idempotency key is 1 to "
          + MAX_IDEMPOTENCY_KEY
          + " visible ASCII characters (! to ~; no space, no control character)";

  /** How many characters of a refused value a message shows. */
  private static final int SHOWN = 40;

  /** Null if a caller may start a run with {@code id}; otherwise what is wrong with it. */
  public static String runIdProblem(String id) {
    String problem = problem(id, MAX_RUN_ID, IdRules::isRunIdChar);
    return problem == null ? null : problem + "; " + RUN_ID_RULE;
  }

  /**
   * Null if {@code value} is a valid deduplication id or debounce key ({@code what}), which follow
   * the idempotency key's rule; otherwise what is wrong with it.
   */
  public static String guardProblem(String value, String what) {
    String problem = problem(value, MAX_IDEMPOTENCY_KEY, c -> c >= '!' && c <= '~');
    return problem == null
        ? null
        : problem
            + "; "
            + what
            + " is 1 to "
            + MAX_IDEMPOTENCY_KEY
            + " visible ASCII characters (! to ~; no space, no control character)";
  }

  /** Null if {@code key} is a valid idempotency key; otherwise what is wrong with it. */
  public static String keyProblem(String key) {
    String problem = problem(key, MAX_IDEMPOTENCY_KEY, c -> c >= '!' && c <= '~');
    return problem == null ? null : problem + "; " + KEY_RULE;
  }

  /**
   * Null if some run could have {@code id}: a caller's run id, or a child run's, which is a
   * caller's id followed by one or more {@code /step} segments (non-empty, without control
   * characters), {@value #MAX_STORED_RUN_ID} characters at most in all. Otherwise why no run has
   * it.
   */
  public static String lookupProblem(String id) {
    int slash = id.indexOf('/');
    if (slash < 0) {
      return runIdProblem(id);
    }
    String root = runIdProblem(id.substring(0, slash));
    if (root != null) {
      return "does not start with a run id: its part before the first / "
          + root
          + ", and a child run's id is a run id followed by /step for each generation";
    }
    if (id.length() > MAX_STORED_RUN_ID) {
      return "is "
          + id.length()
          + " characters long; no run id is longer than "
          + MAX_STORED_RUN_ID;
    }
    for (int i = slash; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean emptySegment = c == '/' && (i + 1 == id.length() || id.charAt(i + 1) == '/');
      if (emptySegment || Character.isISOControl(c)) {
        return (emptySegment ? "has an empty step at index " + (i + 1) : "has " + at(c, i))
            + "; a child run's id is a run id followed by /step for each generation";
      }
    }
    return null;
  }

  /**
   * Why {@code childId} cannot be stored, or null: a child run's id is its parent's id, a {@code /}
   * and the step's id, so every generation makes it longer.
   */
  public static String childIdProblem(String childId) {
    if (childId.length() <= MAX_STORED_RUN_ID) {
      return null;
    }
    return "the child run id "
        + quote(childId)
        + " would be "
        + childId.length()
        + " characters long, more than the "
        + MAX_STORED_RUN_ID
        + " a run id may have (the parent's id, /, then the step's id for each generation):"
        + " nest fewer child workflows, or give the top-level run a shorter id";
  }

  private interface CharRule {
    boolean allows(char c);
  }

  private static String problem(String value, int max, CharRule allowed) {
    if (value.isEmpty()) {
      return "is empty";
    }
    if (value.length() > max) {
      return "is " + value.length() + " characters long";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!allowed.allows(c)) {
        return "has " + at(c, i);
      }
    }
    return null;
  }

  private static boolean isRunIdChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == ':'
        || c == '@';
  }

  private static String at(char c, int index) {
    String shown = c > ' ' && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    return shown + " at index " + index;
  }

  /**
   * {@code value} in double quotes for a message: at most {@value #SHOWN} characters of it (then
   * {@code ...} and the length), with quotes, backslashes and every character outside printable
   * ASCII escaped as {@code \}{@code uXXXX}, so a control character or a lone surrogate shows as
   * what it is.
   */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    int shown = Math.min(value.length(), SHOWN);
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= ' ' && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    out.append('"');
    if (shown < value.length()) {
      out.append("... (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }
}

package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.StepError;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What is stored of an exception a step threw: its type, message and stack trace, each bounded in
 * size and made valid Unicode. A message of megabytes (a whole HTTP body, say) or a stack trace of
 * a deep recursion would otherwise be written into the step's row on every failed attempt, and a
 * lone UTF-16 surrogate would be changed to '?' by PostgreSQL without a word.
 */
final class StepErrors {
  static final int MAX_MESSAGE_CHARS = 8 * 1024;
  static final int MAX_TRACE_CHARS = 64 * 1024;

  private StepErrors() {}

  static StepError of(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    return new StepError(
        t.getClass().getName(),
        bounded(t.getMessage(), MAX_MESSAGE_CHARS),
        bounded(trace.toString(), MAX_TRACE_CHARS));
  }

  /** {@code text} cut to {@code max} characters (saying how many were left out), valid Unicode. */
  static String bounded(String text, int max) {
    if (text == null) {
      return null;
    }
    String kept = text;
    if (text.length() > max) {
      int end = max;
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--; // do not cut a surrogate pair in two
      }
      kept = text.substring(0, end) + " ... (" + (text.length() - end) + " more characters)";
    }
    return validUnicode(kept);
  }

  /** Replaces each lone surrogate with U+FFFD: diagnostics, not the caller's data. */
  private static String validUnicode(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
              : !Character.isLowSurrogate(c)
                  || (i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
      if (Character.isSurrogate(c) && !paired) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }
}

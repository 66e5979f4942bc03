package dev.stepwise.processor.parse;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code @Retry} duration format: an integer and a unit, {@code "250ms"}, {@code "5s"}.
 */
final class Durations {
  /** The longest duration accepted; longer retry delays are certainly typos. */
  static final long MAX_MILLIS = 365L * 24 * 60 * 60 * 1000;

  static final String MAX_TEXT = "365d";

  private static final Pattern FORMAT = Pattern.compile("(\\d{1,18})(ms|s|m|h|d)");

  private Durations() {}

  /** The duration in milliseconds; empty if malformed (negative values included). */
  static OptionalLong parseMillis(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    long amount = Long.parseLong(m.group(1));
    long unit =
        switch (m.group(2)) {
          case "ms" -> 1L;
          case "s" -> 1_000L;
          case "m" -> 60_000L;
          case "h" -> 3_600_000L;
          default -> 86_400_000L;
        };
    // Saturate instead of overflowing; anything this large fails the MAX_MILLIS check anyway.
    return OptionalLong.of(amount > Long.MAX_VALUE / unit ? Long.MAX_VALUE : amount * unit);
  }
}

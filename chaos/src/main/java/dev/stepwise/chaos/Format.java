package dev.stepwise.chaos;

import java.time.Duration;
import java.util.Locale;

/** How the soak writes durations. */
final class Format {
  private Format() {}

  /** {@code 40ms}, {@code 1.5s}, {@code 300s}. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
  }
}

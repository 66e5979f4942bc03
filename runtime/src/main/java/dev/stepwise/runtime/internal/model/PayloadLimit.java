package dev.stepwise.runtime.internal.model;

import dev.stepwise.runtime.PayloadTooLargeException;

/**
 * The largest JSON the engine stores for one value: a run's input, a resume or event payload, a
 * step's output (a fan-out's list of outputs included). Measured in UTF-8 bytes, as the JSON would
 * travel over HTTP, on the text about to be stored, so nothing over it is ever written.
 *
 * <p>The limit exists because one large value costs far more than its size: H2 held several copies
 * of a 10-million-character input while committing it, ran out of memory and closed the database;
 * and every run's row is read again by each claim of its steps.
 */
public final class PayloadLimit {
  /** 2 MiB: a large document, far above what a step's input or result usually is. */
  public static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

  private final int maxBytes;

  public PayloadLimit(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxPayloadBytes must be at least 1, was " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  public int maxBytes() {
    return maxBytes;
  }

  /**
   * {@code json} itself if it fits; otherwise a {@link PayloadTooLargeException} naming {@code
   * subject} ({@code input of workflow order}), the size and the limit. Null (no value) fits.
   */
  public String check(String json, String subject) {
    if (json == null) {
      return null;
    }
    long size = measured(json);
    if (size > maxBytes) {
      throw new PayloadTooLargeException(subject, size, maxBytes);
    }
    return json;
  }

  /** The UTF-8 size of {@code json}, or 0 when it fits for sure; nothing is encoded. */
  private long measured(String json) {
    // Every char is 1 to 3 bytes (a surrogate pair, two chars, is 4).
    if ((long) json.length() * 3 <= maxBytes) {
      return 0;
    }
    return utf8Length(json);
  }

  /** The length of {@code s} in UTF-8; a lone surrogate counts as the 3 bytes of U+FFFD. */
  static long utf8Length(String s) {
    long bytes = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}

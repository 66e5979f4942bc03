package dev.stepwise.processor.diagnostics;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the closest known name to a misspelled one, for "did you mean" hints. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * Returns {@code ; did you mean "x"?} for a close candidate, else the list of candidates, so
   * every "unknown name" message tells the user what would have been valid.
   */
  public static String hint(String wrong, Collection<String> candidates) {
    if (candidates.isEmpty()) {
      return "; there are none";
    }
    Optional<String> closest = closest(wrong, candidates);
    if (closest.isPresent()) {
      return "; did you mean \"" + closest.get() + "\"?";
    }
    return "; known: " + String.join(", ", candidates.stream().sorted().toList());
  }

  /** The candidate nearest by edit distance, if it is close enough to be a likely typo. */
  public static Optional<String> closest(String wrong, Collection<String> candidates) {
    // A third of the length (at least 1, at most 3) separates typos from different names.
    int limit = Math.max(1, Math.min(3, wrong.length() / 3));
    return candidates.stream()
        .sorted() // sorted so ties resolve the same way on every build
        .min(Comparator.comparingInt(c -> distance(wrong.toLowerCase(), c.toLowerCase())))
        .filter(c -> distance(wrong.toLowerCase(), c.toLowerCase()) <= limit);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

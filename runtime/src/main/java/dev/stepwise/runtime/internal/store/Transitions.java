package dev.stepwise.runtime.internal.store;

/**
 * The rule for every state transition the store makes with a conditional UPDATE of one row: no row
 * changed means another writer won the race (false), one row means the transition happened (true),
 * more than one is a bug (the keys make it impossible) and throws.
 */
public final class Transitions {
  private Transitions() {}

  /** Whether an UPDATE that changed {@code n} rows made the transition {@code what}. */
  public static boolean changedOne(int n, String what) {
    if (n > 1) {
      throw new IllegalStateException(what + " changed " + n + " rows, expected at most one");
    }
    return n == 1;
  }
}

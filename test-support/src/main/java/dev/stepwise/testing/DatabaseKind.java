package dev.stepwise.testing;

/** The databases Stepwise runs on, each a test class may declare with {@link StepwiseDatabase}. */
public enum DatabaseKind {
  /** A fresh H2 file database under {@code target/}, the embedded default. */
  H2,
  /**
   * The PostgreSQL named by {@code stepwise.pgUrl} and {@code stepwise.pgUser}: its tests are
   * skipped when it is unreachable, or fail when {@code stepwise.requirePostgres} is true (as in
   * CI).
   */
  POSTGRES
}

package dev.stepwise;

/** What happens to a step whose {@link Event} did not arrive within its timeout. */
public enum OnTimeout {
  /** The step fails with an {@code EventTimeoutException} (not retried), and so does the run. */
  FAIL,
  /** The step is {@code SKIPPED}; steps after it follow the usual join rules. */
  SKIP
}

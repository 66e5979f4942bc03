package dev.stepwise.runtime.spi;

import dev.stepwise.runtime.StepwiseException;

/** Helpers for generated {@code @From(path = ...)} navigation. */
public final class PathValues {
  private PathValues() {}

  /**
   * Returns {@code value}, or fails the step with a message naming where the path broke.
   *
   * @param value the value reached so far
   * @param stepId the step whose output is being read
   * @param pathSoFar the path up to {@code value}, empty for the output itself
   */
  public static <T> T require(T value, String stepId, String pathSoFar) {
    if (value == null) {
      String where = pathSoFar.isEmpty() ? "" : " at \"" + pathSoFar + "\"";
      throw new StepwiseException(
          "Output of step \""
              + stepId
              + "\" is null"
              + where
              + "; cannot read further along the path");
    }
    return value;
  }
}

package dev.stepwise.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles and medians over measured values. */
public final class Stats {
  private Stats() {}

  /** The {@code p}-th percentile (0..100) of {@code values}, nearest-rank. */
  public static double percentile(long[] values, double p) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** The median of the rounds' figures; the mean of the middle two for an even count. */
  public static double median(List<Double> rounds) {
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("no rounds");
    }
    double[] sorted = rounds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}

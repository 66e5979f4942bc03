package dev.stepwise.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The order the contestants run a workload in, per round: rotated by one each round (A B C, B C A,
 * C A B), so that a drift of the machine's state during a workload's rounds (other load, the
 * server's caches, autovacuum) falls on every contestant alike instead of on whoever came last.
 */
public final class Rotation {
  private Rotation() {}

  /** {@code contestants} rotated left by {@code round} places. */
  public static <T> List<T> order(List<T> contestants, int round) {
    if (round < 0) {
      throw new IllegalArgumentException("round " + round);
    }
    int n = contestants.size();
    List<T> order = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      order.add(contestants.get((round + i) % n));
    }
    return order;
  }
}

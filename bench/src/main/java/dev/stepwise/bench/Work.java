package dev.stepwise.bench;

import java.util.List;

/**
 * What the steps compute, shared by every contestant so that all three do identical work. The work
 * is deliberately trivial: the benchmark measures what a durable engine adds around a step.
 */
public final class Work {
  /** How many branches the fan-out workload has. */
  public static final int BRANCHES = 10;

  private Work() {}

  public static String one(String input) {
    return input + ":1";
  }

  public static String two(String one) {
    return one + ":2";
  }

  public static String three(String two) {
    return two + ":3";
  }

  public static String branch(String a, int i) {
    return a + ":b" + i;
  }

  public static String join(List<String> branches) {
    return branches.size() + "/" + String.join(",", branches).length();
  }

  public static String approve(String prepared, String decision) {
    return prepared + ":" + decision;
  }

  /** What a queued step of (q) returns, after holding its slot ({@link QueueProbe#step}). */
  public static String queued(String input) {
    return input + ":q";
  }

  /** The output a correct sequential run returns; the harness checks every contestant's. */
  public static String expectedSequential(String input) {
    return three(two(one(input)));
  }

  /** The output a correct fan-out run returns. */
  public static String expectedFanOut(String input) {
    String a = one(input);
    List<String> branches =
        java.util.stream.IntStream.range(0, BRANCHES).mapToObj(i -> branch(a, i)).toList();
    return join(branches);
  }

  /** The output a correct approval run returns after being resumed with {@code decision}. */
  public static String expectedApproval(String input, String decision) {
    return approve(one(input), decision);
  }
}

package dev.stepwise.bench.nodes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one node's JVM has done so far, as it tells the harness in one line of its stdout: {@code
 * report cpuNanos=… statements=… claims=… emptyClaims=… claimed=… claimNanos=… finished=…}. The
 * counts are cumulative since the node started; the harness takes the difference of two reports for
 * a measured part, and sums the nodes' differences.
 *
 * @param cpuNanos the JVM's process CPU time (engine, driver, JIT and GC)
 * @param statements statements its pool sent (a batch counts each of its statements)
 * @param claims times its dispatcher asked the database for due steps (queue-less claims)
 * @param emptyClaims those of them that came back with no step: woken for work another node took
 * @param claimed steps those claims returned (the rest of its steps were handed over by a commit)
 * @param claimNanos time spent in those claims, summed
 * @param finished runs whose finishing commit this node made
 */
public record NodeReport(
    long cpuNanos,
    long statements,
    long claims,
    long emptyClaims,
    long claimed,
    long claimNanos,
    long finished) {

  /** The first word of the line; the harness passes other lines of the node's stdout through. */
  static final String KIND = "report";

  static final NodeReport ZERO = new NodeReport(0, 0, 0, 0, 0, 0, 0);

  /** The line the node prints. */
  String format() {
    return KIND
        + " cpuNanos="
        + cpuNanos
        + " statements="
        + statements
        + " claims="
        + claims
        + " emptyClaims="
        + emptyClaims
        + " claimed="
        + claimed
        + " claimNanos="
        + claimNanos
        + " finished="
        + finished;
  }

  /** Reads a line {@link #format} wrote; every field must be there, once, and nothing else. */
  static NodeReport parse(String line) {
    String[] words = line.trim().split("\\s+");
    if (!words[0].equals(KIND)) {
      throw new IllegalArgumentException("not a report: " + line);
    }
    Map<String, Long> fields = new LinkedHashMap<>();
    for (int i = 1; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("no key=value in '" + words[i] + "': " + line);
      }
      String key = words[i].substring(0, eq);
      long value;
      try {
        value = Long.parseLong(words[i].substring(eq + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a number in '" + words[i] + "': " + line, e);
      }
      if (fields.put(key, value) != null) {
        throw new IllegalArgumentException("twice: " + key + " in " + line);
      }
    }
    NodeReport r =
        new NodeReport(
            take(fields, "cpuNanos", line),
            take(fields, "statements", line),
            take(fields, "claims", line),
            take(fields, "emptyClaims", line),
            take(fields, "claimed", line),
            take(fields, "claimNanos", line),
            take(fields, "finished", line));
    if (!fields.isEmpty()) {
      throw new IllegalArgumentException("unknown " + fields.keySet() + " in " + line);
    }
    return r;
  }

  private static long take(Map<String, Long> fields, String key, String line) {
    Long v = fields.remove(key);
    if (v == null) {
      throw new IllegalArgumentException("no " + key + " in " + line);
    }
    return v;
  }

  /** What happened between {@code earlier} and this report of the same node. */
  NodeReport minus(NodeReport earlier) {
    return new NodeReport(
        cpuNanos - earlier.cpuNanos,
        statements - earlier.statements,
        claims - earlier.claims,
        emptyClaims - earlier.emptyClaims,
        claimed - earlier.claimed,
        claimNanos - earlier.claimNanos,
        finished - earlier.finished);
  }

  /** Two nodes' figures together. */
  NodeReport plus(NodeReport other) {
    return new NodeReport(
        cpuNanos + other.cpuNanos,
        statements + other.statements,
        claims + other.claims,
        emptyClaims + other.emptyClaims,
        claimed + other.claimed,
        claimNanos + other.claimNanos,
        finished + other.finished);
  }
}

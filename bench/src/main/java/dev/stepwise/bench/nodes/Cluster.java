package dev.stepwise.bench.nodes;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes of one turn of workload (n), each a JVM of its own. Every node is killed when the
 * cluster closes, and by a shutdown hook if this JVM ends first (Ctrl-C); a node also exits by
 * itself when this JVM dies without running hooks ({@link NodeMain}).
 */
final class Cluster implements AutoCloseable {
  /** A node's JVM start, its engine's start and pool: seconds; more on a loaded machine. */
  private static final Duration START = Duration.ofMinutes(2);

  /** Bounds a batch's wait: far above a batch's seconds, so only a stuck node reaches it. */
  private static final Duration BATCH = Duration.ofMinutes(10);

  private final List<NodeProcess> nodes = new ArrayList<>();
  private final Thread killer = new Thread(this::killAll, "bench-kill-nodes");

  private Cluster() {
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /** Starts {@code count} nodes at once and returns once every one answered "ready". */
  static Cluster start(int count, String prefix, List<String> jvmOptions, List<String> args) {
    Cluster c = new Cluster();
    try {
      for (int i = 1; i <= count; i++) {
        c.nodes.add(NodeProcess.launch(prefix + i, jvmOptions, args));
      }
      for (NodeProcess n : c.nodes) {
        n.await("ready", START);
      }
      return c;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  int size() {
    return nodes.size();
  }

  List<Long> pids() {
    return nodes.stream().map(NodeProcess::pid).toList();
  }

  /**
   * One batch of {@code total} runs, shared out over the nodes ({@link #shares}); the commands go
   * out first, one after another, then the answers are awaited, so all nodes start together.
   */
  void batch(int total) {
    int[] shares = shares(total, nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      nodes.get(i).send("batch " + shares[i]);
    }
    for (NodeProcess n : nodes) {
      n.await("done", BATCH);
    }
  }

  /** Every node's report, summed. */
  NodeReport report() {
    for (NodeProcess n : nodes) {
      n.send("report");
    }
    NodeReport sum = NodeReport.ZERO;
    for (NodeProcess n : nodes) {
      sum = sum.plus(NodeReport.parse(n.await(NodeReport.KIND, START)));
    }
    return sum;
  }

  /** {@code total} split over {@code nodes} as evenly as it goes, the first ones one more. */
  static int[] shares(int total, int nodes) {
    if (nodes < 1 || total < 0) {
      throw new IllegalArgumentException(total + " runs over " + nodes + " nodes");
    }
    int[] s = new int[nodes];
    for (int i = 0; i < nodes; i++) {
      s[i] = total / nodes + (i < total % nodes ? 1 : 0);
    }
    return s;
  }

  private void killAll() {
    for (NodeProcess n : nodes) {
      n.kill();
    }
  }

  /** Closes every node (each its engine, then exits), killing those that do not. */
  @Override
  public void close() {
    for (NodeProcess n : nodes) {
      n.requestExit(); // all at once: their engines close side by side
    }
    for (NodeProcess n : nodes) {
      n.close();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // this JVM is shutting down: the hook runs anyway
    }
  }
}

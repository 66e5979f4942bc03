package dev.stepwise.bench.nodes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The harness's side of one node's JVM ({@link NodeMain}): launched with this JVM's java binary and
 * class path, spoken to over its stdin and stdout. A reader thread takes its stdout line by line,
 * so that every wait for an answer has a bound; lines that are no answer are passed through to this
 * JVM's stdout. Its stderr (the node's log) goes to this JVM's stderr.
 */
final class NodeProcess implements AutoCloseable {
  private static final String EOF = "\u0000eof";

  private final String nodeId;
  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private boolean exitRequested;

  private NodeProcess(String nodeId, Process process) {
    this.nodeId = nodeId;
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readStdout, "bench-node-reader-" + nodeId);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the JVM of node {@code nodeId}; {@code args} are {@link NodeMain}'s. */
  static NodeProcess launch(String nodeId, List<String> jvmOptions, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse(javaOfThisJvm()));
    command.addAll(jvmOptions);
    command.add("-classpath");
    command.add(System.getProperty("java.class.path"));
    command.add(NodeMain.class.getName());
    command.addAll(args);
    command.add("--node=" + nodeId);
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    return new NodeProcess(nodeId, p);
  }

  private static String javaOfThisJvm() {
    return System.getProperty("java.home") + "/bin/java";
  }

  String nodeId() {
    return nodeId;
  }

  long pid() {
    return process.pid();
  }

  void send(String command) {
    try {
      stdin.write(command + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw new IllegalStateException("node " + nodeId + " does not take commands" + exitCode(), e);
    }
  }

  /**
   * The next line of the node's stdout that starts with {@code kind}; fails on an {@code error}
   * line, on its end of stdout, or after {@code timeout}.
   */
  String await(String kind, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line;
      try {
        line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for node " + nodeId, e);
      }
      if (line == null) {
        throw new IllegalStateException(
            "node " + nodeId + " sent no '" + kind + "' within " + timeout);
      }
      if (line.equals(EOF)) {
        lines.add(EOF); // stays ended for later waits
        throw new IllegalStateException("node " + nodeId + " ended" + exitCode());
      }
      if (line.startsWith("error")) {
        throw new IllegalStateException("node " + nodeId + ": " + line);
      }
      if (line.equals(kind) || line.startsWith(kind + " ")) {
        return line;
      }
      System.out.println("[node " + nodeId + "] " + line);
    }
  }

  private void readStdout() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process ended: the same as the end of its stdout
    }
    lines.add(EOF);
  }

  private String exitCode() {
    try {
      if (process.waitFor(5, TimeUnit.SECONDS)) {
        return " with exit code " + process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "";
  }

  /** Kills the JVM at once, without letting it close its engine. */
  void kill() {
    process.destroyForcibly();
  }

  /** Asks the node to close its engine and exit, once; does not wait for it. */
  void requestExit() {
    if (!exitRequested && process.isAlive()) {
      exitRequested = true;
      try {
        send("exit");
      } catch (RuntimeException e) {
        // gone already: close() kills whatever is left
      }
    }
  }

  /** Asks the node to close its engine and exit; kills it if it has not within 30 s. */
  @Override
  public void close() {
    try {
      requestExit();
      if (process.isAlive()) {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          System.out.println("[node " + nodeId + "] did not exit within 30 s: killed");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      process.destroyForcibly();
    }
  }
}

package dev.stepwise.chaos;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One worker JVM ({@link SoakWorker}) and what the soak does to it: start, kill -9 and start again,
 * SIGSTOP and SIGCONT. Its output goes to {@code <name>.log}, appended across restarts. It keeps
 * the life of each JVM it started (its node id, when it ended, when it was frozen), from which the
 * soak bounds the intervals of the executions that JVM never finished.
 */
final class WorkerJvm {
  private final String name;
  private final List<String> command;
  private final Path log;
  private Process process;
  private boolean stopped;
  private int generation;
  private long logOffset;
  private final List<Life> ended = new ArrayList<>();
  private String node;
  private List<Frozen> frozen = new ArrayList<>();
  private Instant frozenSince;

  /**
   * A stop of a JVM: from just after SIGSTOP was sent to just before SIGCONT was (inside the time
   * it really was stopped), or {@code to} null when it was killed while stopped.
   */
  record Frozen(Instant from, Instant to) {}

  /**
   * One JVM of a worker.
   *
   * @param node its node id, {@code <name>-<pid>}, as {@link SoakWorker} names it
   * @param ended when it was seen dead: just after kill -9 returned, or when its exit was noticed;
   *     null while it runs
   */
  record Life(String node, Instant ended, List<Frozen> frozen) {}

  WorkerJvm(String name, String jdbcUrl, SoakOptions options, Path dir) {
    this.name = name;
    this.log = dir.resolve(name + ".log");
    List<String> c = new ArrayList<>();
    c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    c.add("-Xmx" + options.workerHeap());
    // A worker is killed and started again every few seconds: C1 alone starts it faster and takes
    // less of the CPU the others need, and the serial collector has no threads to spin up.
    c.add("-XX:TieredStopAtLevel=1");
    c.add("-XX:+UseSerialGC");
    c.add("-cp");
    c.add(System.getProperty("java.class.path"));
    c.add(SoakWorker.class.getName());
    c.add(jdbcUrl);
    c.add(name);
    c.add(Long.toString(options.lease().toMillis()));
    c.add(Integer.toString(options.threads()));
    this.command = List.copyOf(c);
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  synchronized void start() {
    if (node != null) {
      endLife(); // exited on its own, noticed just now
    }
    try {
      logOffset = Files.exists(log) ? Files.size(log) : 0;
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start worker " + name, e);
    }
    stopped = false;
    generation++;
    node = name + "-" + process.pid();
  }

  private void endLife() {
    Instant now = Instant.now();
    if (frozenSince != null) {
      frozen.add(new Frozen(frozenSince, null));
      frozenSince = null;
    }
    ended.add(new Life(node, now, List.copyOf(frozen)));
    frozen = new ArrayList<>();
    node = null;
  }

  private void thaw() {
    if (frozenSince != null) {
      frozen.add(new Frozen(frozenSince, Instant.now()));
      frozenSince = null;
    }
  }

  /** Every JVM this worker started, the one running now last (with {@code ended} null). */
  synchronized List<Life> lives() {
    List<Life> all = new ArrayList<>(ended);
    if (node != null) {
      List<Frozen> f = new ArrayList<>(frozen);
      if (frozenSince != null) {
        f.add(new Frozen(frozenSince, null));
      }
      all.add(new Life(node, null, List.copyOf(f)));
    }
    return all;
  }

  /** kill -9 ({@link Process#destroyForcibly()} sends SIGKILL), then waits until it is gone. */
  synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("worker " + name + " survived kill -9 for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (node != null) {
      endLife();
    }
    stopped = false;
  }

  /** SIGSTOP; returns the generation to pass to {@link #resume}, or -1 if it is not running. */
  synchronized int pause() {
    if (process == null || !process.isAlive() || stopped) {
      return -1;
    }
    signal("-STOP");
    frozenSince = Instant.now();
    stopped = true;
    return generation;
  }

  /** SIGCONT, unless the JVM was killed (and started again) since {@link #pause} said so. */
  synchronized boolean resume(int pausedGeneration) {
    if (pausedGeneration != generation || !stopped) {
      return false;
    }
    thaw();
    signal("-CONT");
    stopped = false;
    return true;
  }

  /** SIGCONT if it is stopped, whatever stopped it. */
  synchronized void resumeIfStopped() {
    if (stopped && process.isAlive()) {
      thaw();
      signal("-CONT");
    }
    stopped = false;
  }

  /** The exit code if the JVM ended without being killed by the soak, else null. */
  synchronized Integer exitedOnItsOwn() {
    return process != null && !process.isAlive() ? process.exitValue() : null;
  }

  /** Whether the JVM started last has said its engine runs ({@link SoakWorker#READY}). */
  synchronized boolean isReady() {
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      if (f.length() <= logOffset) {
        return false;
      }
      byte[] tail = new byte[(int) Math.min(1 << 20, f.length() - logOffset)];
      f.seek(logOffset);
      f.readFully(tail);
      return new String(tail, StandardCharsets.UTF_8).contains(SoakWorker.READY);
    } catch (IOException e) {
      return false; // not written yet
    }
  }

  private void signal(String signal) {
    Commands.check(List.of("kill", signal, Long.toString(process.pid())), 10);
  }
}

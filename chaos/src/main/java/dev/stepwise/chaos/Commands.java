package dev.stepwise.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short external commands (initdb, pg_ctl, kill, id) and returns what they printed. */
final class Commands {
  private Commands() {}

  /** What a command printed and how it ended. */
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs {@code command}, its output and errors merged, killing it after {@code timeoutSec}. */
  static Result run(List<String> command, long timeoutSec) {
    Path out = null;
    Process p = null;
    try {
      // Into a file, not a pipe: a server that pg_ctl starts could inherit a pipe and keep it
      // open, and a reader would then wait for it forever.
      out = Files.createTempFile("stepwise-soak-cmd-", ".out");
      p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!p.waitFor(timeoutSec, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out after " + timeoutSec + "s: " + String.join(" ", command));
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      return new Result(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return new Result(-1, "interrupted: " + String.join(" ", command));
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException e) {
          // a leftover file in the temporary directory harms nobody
        }
      }
    }
  }

  /** Runs {@code command} and fails with its output unless it exits with 0. */
  static String check(List<String> command, long timeoutSec) {
    Result r = run(command, timeoutSec);
    if (!r.ok()) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed (exit " + r.exitCode() + "):\n" + r.output());
    }
    return r.output();
  }
}

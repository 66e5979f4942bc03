package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.flows.ChainFlow.Order;
import dev.stepwise.runtime.flows.SizedFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 file stays near the size of its data. Each commit is written by the committing
 * thread (write delay 0), which also stops H2's background thread, the only one that compacts an
 * open file. With H2's defaults otherwise, sixteen runs with 1.9 MB inputs (30 MB of data) made a
 * file of 91 MB, 102 MB after the engine closed; four with 10 MB inputs one of 191 MB, which the
 * close left as it was. Now new chunks take the space of dead ones at once (61 to 71 MB for the
 * sixteen), and the close rewrites a file that is less than half in use (28 and 37 MB).
 */
class EmbeddedFileSizeTest {
  private static final int RUNS = 16;
  private static final int CHARS = 1_900_000;

  @Test
  void largeInputsLeaveAFileNearTheSizeOfTheData(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("stepwise.mv.db");
    long data = (long) RUNS * CHARS; // one byte per character: random letters
    long largestWhileRunning = 0;
    Random random = new Random(11);
    try (Stepwise engine = Stepwise.builder().embedded(dir).workers(2).build()) {
      WorkflowClient client = engine.register(new SizedFlow(SizedFlow.COUNT));
      engine.start();
      for (int i = 0; i < RUNS; i++) {
        // Random letters: a repeated one would hide nothing, but they are the fairer data.
        char[] id = new char[CHARS];
        for (int k = 0; k < CHARS; k++) {
          id[k] = (char) ('a' + random.nextInt(26));
        }
        RunStatus s = client.run(new Order(new String(id), 1), StartOptions.defaults());
        assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
        largestWhileRunning = Math.max(largestWhileRunning, Files.size(file));
      }
      assertThat(client.list(RUNS + 1)).hasSize(RUNS);
    }
    long afterClose = Files.size(file);

    assertThat(largestWhileRunning)
        .as("largest file while running, for %,d bytes of data", data)
        .isLessThan(27 * data / 10);
    assertThat(afterClose)
        .as("file after close, for %,d bytes of data", data)
        .isLessThan(5 * data / 2);

    // And the file opens again with every run in it.
    try (Stepwise reopened = Stepwise.builder().embedded(dir).build()) {
      WorkflowClient client = reopened.register(new SizedFlow(SizedFlow.COUNT));
      assertThat(client.list(RUNS + 1))
          .hasSize(RUNS)
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.SUCCEEDED));
      RunStatus first = client.list(RUNS).get(RUNS - 1);
      assertThat(client.stepResult(first, "count", Integer.class).output()).isEqualTo(CHARS);
    }
  }

  @Test
  void fourTenMegabyteInputsLeaveASparseFileThatClosingCompacts(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("stepwise.mv.db");
    int runs = 4;
    int chars = 10_000_000;
    long data = (long) runs * chars;
    long largestWhileRunning = 0;
    Random random = new Random(13);
    // Above the default limit on purpose: the case of the report (a file of 571 to 651 MB with a
    // three-step workflow, which the engine's close left as it was).
    try (Stepwise engine =
        Stepwise.builder().embedded(dir).workers(2).maxPayloadBytes(chars + 100).build()) {
      WorkflowClient client = engine.register(new SizedFlow(SizedFlow.COUNT));
      engine.start();
      for (int i = 0; i < runs; i++) {
        char[] id = new char[chars];
        for (int k = 0; k < chars; k++) {
          id[k] = (char) ('a' + random.nextInt(26));
        }
        client.run(new Order(new String(id), 1), StartOptions.defaults());
        largestWhileRunning = Math.max(largestWhileRunning, Files.size(file));
      }
    }
    long afterClose = Files.size(file);

    assertThat(largestWhileRunning)
        .as("largest file while running, for %,d bytes of data", data)
        .isLessThan(10 * data);
    // Less than half of the file was in use: closing rewrote it.
    assertThat(afterClose)
        .as("file after close, for %,d bytes of data", data)
        .isLessThan(3 * data / 2);
    try (Stepwise reopened = Stepwise.builder().embedded(dir).build()) {
      WorkflowClient client = reopened.register(new SizedFlow(SizedFlow.COUNT));
      assertThat(client.list(runs + 1))
          .hasSize(runs)
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.SUCCEEDED));
    }
  }
}

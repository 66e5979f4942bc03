package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stepwise.runtime.flows.AccumulateChild;
import dev.stepwise.runtime.flows.AccumulateFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Loops that carry state: each iteration reads the output of the one before from its stored row
 * {@code step#k}, so a retry, and a restart after a killed JVM, go on with the same state.
 */
abstract class LoopStateContract extends EngineContract {
  private static final TypeReference<List<Integer>> LIST = new TypeReference<>() {};

  /** 1 + 2 + ... + 12: what twelve iterations give, each appending its number. */
  private static final int TOTAL = 78;

  @Test
  void eachIterationReadsTheOutputOfTheOneBefore_andARetryReadsTheSame() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "loopstate-").toAbsolutePath();
    Stepwise engine = engine();
    WorkflowClient client =
        engine.register(new AccumulateFlow.Definition(new AccumulateFlow(dir, 0, 5)));
    engine.start();

    RunStatus s = client.run("go", StartOptions.defaults(), WAIT);

    assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.stepResult(s, "gather", LIST).output()).isEqualTo(upTo(12));
    assertThat(client.stepResult(s, "total", Integer.class).output()).isEqualTo(TOTAL);
    // Iteration k was stored as gather#k with the state it handed to iteration k + 1.
    assertThat(client.stepResult(s, "gather#11", LIST).output()).isEqualTo(upTo(11));
    List<String> expected = new ArrayList<>();
    long me = ProcessHandle.current().pid();
    for (int k = 1; k <= 12; k++) {
      expected.add(line(k, 1, me));
      if (k == 5) {
        expected.add(line(k, 2, me)); // the retry of the failed attempt sees the same state
      }
    }
    assertThat(lines(dir)).containsExactlyElementsOf(expected);
    deleteRecursively(dir);
  }

  @Test
  void loopOfAKilledJvmGoesOnAfterRestartWithItsStateIntact() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "loopkill-").toAbsolutePath();
    String runId = "loopkill-" + UUID.randomUUID();
    int blockAt = 6;
    Process child = startChild(dir, runId, blockAt);
    try {
      Await.until(
          () -> "the child runs iteration " + blockAt + "; child output:\n" + read(dir),
          Duration.ofSeconds(60),
          () -> Files.exists(dir.resolve("gather.started")));
    } finally {
      child.destroyForcibly(); // kill -9: no shutdown hook, no close()
      child.waitFor(30, TimeUnit.SECONDS);
    }
    List<String> beforeKill = new ArrayList<>();
    for (int k = 1; k <= blockAt; k++) {
      beforeKill.add(line(k, 1, child.pid()));
    }
    assertThat(lines(dir)).containsExactlyElementsOf(beforeKill);

    try (Stepwise engine = restart(dir.resolve("db")).lease(Duration.ofSeconds(1)).build()) {
      WorkflowClient client =
          engine.register(new AccumulateFlow.Definition(new AccumulateFlow(dir, 0, 0)));
      engine.start();
      RunStatus s = client.awaitCompletion(runId, WAIT);

      assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
      assertThat(client.stepResult(s, "gather", LIST).output()).isEqualTo(upTo(12));
      assertThat(client.stepResult(s, "total", Integer.class).output()).isEqualTo(TOTAL);
      // Iterations 1 to 5 committed before the kill and ran once; the killed 6th ran again, on
      // the state the 5th stored, and so did every iteration after it, once.
      List<String> expected = new ArrayList<>(beforeKill);
      long me = ProcessHandle.current().pid();
      expected.add(line(blockAt, 2, me));
      for (int k = blockAt + 1; k <= 12; k++) {
        expected.add(line(k, 1, me));
      }
      assertThat(lines(dir)).containsExactlyElementsOf(expected);
    }
    deleteRecursively(dir); // kept when the test fails, for its child.log and markers
  }

  private Process startChild(Path dir, String runId, int blockAt) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(AccumulateChild.class.getName());
    command.add(dir.toString());
    command.add(runId);
    command.add(Integer.toString(blockAt));
    command.addAll(database.childArguments(dir.resolve("db")));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  /** A builder on the same database the child used. */
  private Stepwise.Builder restart(Path dbDir) {
    return switch (database.kind()) {
      case H2 -> Stepwise.builder().embedded(dbDir);
      case POSTGRES -> Stepwise.builder().dataSource(dataSource()).schema(schema);
    };
  }

  /** The line iteration {@code k} logs: it saw the list of the iterations before it. */
  private static String line(int k, int attempt, long pid) {
    String previous = k == 1 ? "none" : upTo(k - 1).toString();
    return "iteration=" + k + " attempt=" + attempt + " previous=" + previous + " pid=" + pid;
  }

  private static List<Integer> upTo(int n) {
    return IntStream.rangeClosed(1, n).boxed().toList();
  }

  private static List<String> lines(Path dir) throws IOException {
    Path f = dir.resolve("gather.log");
    return Files.exists(f) ? Files.readAllLines(f) : List.of();
  }

  private static String read(Path dir) {
    try {
      Path f = dir.resolve("child.log");
      return Files.exists(f) ? Files.readString(f) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

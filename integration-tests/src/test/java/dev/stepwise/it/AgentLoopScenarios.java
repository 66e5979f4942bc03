package dev.stepwise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.it.flows.AgentLoopFlow;
import dev.stepwise.it.flows.AgentLoopFlow.AgentState;
import dev.stepwise.it.flows.AgentLoopFlow.Goal;
import dev.stepwise.it.flows.AgentLoopFlowResult;
import dev.stepwise.it.flows.AgentLoopFlowRunner;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
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
 * Loops that carry state ({@code @Previous}), through the generated runner: an agent loop
 * accumulates its observations over 12 iterations and stops on their sum, and a JVM killed mid-loop
 * leaves a run that goes on after restart with that state intact.
 */
interface AgentLoopScenarios extends Scenario {
  /** 1 + 2 + ... + 12: the sum the twelfth iteration reaches, and no earlier one. */
  int TARGET = 78;

  @Test
  default void anAgentLoopCarriesItsStateFromEachIterationToTheNext() throws IOException {
    Path dir = Files.createTempDirectory(Path.of("target"), "agent-").toAbsolutePath();
    Path log = dir.resolve("think.log");
    Stepwise engine = engine();
    AgentLoopFlowRunner runner = new AgentLoopFlowRunner(engine, new AgentLoopFlow(log, 0));
    engine.start();

    AgentLoopFlowResult r = runner.start(new Goal("sum", TARGET));

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.output()).isEqualTo("sum: 78 after 12");
    assertThat(r.think().output()).isEqualTo(new AgentState(upTo(12), TARGET));
    // Iteration 11 is stored as think#11 with the state it handed to iteration 12.
    assertThat(r.run().step("think#11").orElseThrow().outputJson())
        .isEqualTo("{\"observations\":" + json(upTo(11)) + ",\"sum\":66}");
    assertThat(r.run().step("think#12")).isEmpty(); // the last iteration is the step itself
    long me = ProcessHandle.current().pid();
    List<String> expected = new ArrayList<>();
    for (int k = 1; k <= 12; k++) {
      expected.add(line(k, 1, me));
    }
    assertThat(Files.readAllLines(log)).containsExactlyElementsOf(expected);
    deleteRecursively(dir);
  }

  @Test
  default void anAgentLoopKilledMidLoopGoesOnAfterRestartWithItsStateIntact() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "agent-kill-").toAbsolutePath();
    Path log = dir.resolve("think.log");
    String runId = "agent-kill-" + UUID.randomUUID();
    int blockAt = 7;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(AgentLoopKillChild.class.getName());
    command.add(log.toString());
    command.add(runId);
    command.add(Integer.toString(blockAt));
    command.addAll(childDatabase(dir.resolve("db")));
    Path childLog = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(childLog.toFile())
            .start();
    try {
      Await.until(
          "the child blocks in iteration " + blockAt + " (see " + childLog + ")",
          Duration.ofSeconds(90),
          () -> Files.exists(Path.of(log + ".blocked")));
    } finally {
      child.destroyForcibly(); // kill -9: iteration 7 never returns, nothing is closed
      child.waitFor(30, TimeUnit.SECONDS);
    }
    List<String> expected = new ArrayList<>();
    for (int k = 1; k <= blockAt; k++) {
      expected.add(line(k, 1, child.pid()));
    }
    assertThat(Files.readAllLines(log)).containsExactlyElementsOf(expected);

    // The killed child's lease is 1s, so its iteration is swept soon; this engine's own lease is
    // longer so that a loaded machine cannot make it lose the rerun's lease too.
    try (Stepwise engine = afterKill(dir.resolve("db")).lease(Duration.ofSeconds(5)).build()) {
      AgentLoopFlowRunner runner = new AgentLoopFlowRunner(engine, new AgentLoopFlow(log, 0));
      engine.start();
      AgentLoopFlowResult r = runner.awaitCompletion(runId, WAIT);

      assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
      // Exactly what 12 iterations give: none of the six committed before the kill was lost or
      // repeated, and the killed seventh ran again on the state the sixth stored.
      assertThat(r.output()).isEqualTo("sum: 78 after 12");
      assertThat(r.think().output()).isEqualTo(new AgentState(upTo(12), TARGET));
      long me = ProcessHandle.current().pid();
      expected.add(line(blockAt, 2, me));
      for (int k = blockAt + 1; k <= 12; k++) {
        expected.add(line(k, 1, me));
      }
      assertThat(Files.readAllLines(log)).containsExactlyElementsOf(expected);
    }
    deleteRecursively(dir);
  }

  /** The line iteration {@code k} logs: the sum of the observations of the iterations before. */
  private static String line(int k, int attempt, long pid) {
    return "iteration=" + k + " attempt=" + attempt + " sum=" + (k - 1) * k / 2 + " pid=" + pid;
  }

  private static List<Integer> upTo(int n) {
    return IntStream.rangeClosed(1, n).boxed().toList();
  }

  private static String json(List<Integer> values) {
    return values.toString().replace(" ", "");
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      // best effort: the directory is under target/
    }
  }
}

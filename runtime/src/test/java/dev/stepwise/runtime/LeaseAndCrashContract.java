package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.flows.BlockingFlow;
import dev.stepwise.runtime.flows.KillChild;
import dev.stepwise.runtime.flows.KillFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.Await;
import dev.stepwise.testing.DatabaseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Leases and crashes: an expired lease is taken over, a killed JVM's run finishes after restart.
 */
abstract class LeaseAndCrashContract extends EngineContract {
  @Test
  void expiredLeaseIsTakenOverByAnotherEngineAndTheStepCompletesOnce() throws Exception {
    BlockingFlow flow = new BlockingFlow();
    releasedAfter(flow.release);
    Duration lease = Duration.ofMillis(600);
    Stepwise a =
        engine(b -> b.nodeId("node-a").lease(lease).shutdownTimeout(Duration.ofMillis(50)));
    WorkflowClient ca = a.register(new BlockingFlow.Definition(flow));
    a.start();
    String runId = ca.start("x", StartOptions.defaults());
    assertThat(flow.slowStarted.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ca.status(runId).step("slow").orElseThrow().status()).isEqualTo(Status.RUNNING);
    a.close(); // its worker stays blocked; its heartbeat stops, so the lease runs out

    Stepwise b = engine(bb -> bb.nodeId("node-b").lease(lease));
    WorkflowClient cb = b.register(new BlockingFlow.Definition(flow));
    b.start();
    RunStatus s = cb.awaitCompletion(runId, WAIT);

    assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(s.step("slow").orElseThrow().attempts()).isEqualTo(2);
    assertThat(cb.stepResult(s, "slow", String.class).output()).isEqualTo("x slow on attempt 2");

    // Node a's worker now returns; its fenced update must be dropped.
    flow.release.countDown();
    assertThat(flow.firstAttemptReturned.await(30, TimeUnit.SECONDS)).isTrue();
    Await.until("node a's worker has finished", WAIT, () -> !workerAlive("node-a"));
    RunStatus after = cb.status(runId);
    assertThat(cb.stepResult(after, "slow", String.class).output())
        .isEqualTo("x slow on attempt 2");
    assertThat(after.step("slow").orElseThrow().attempts()).isEqualTo(2);
    assertThat(flow.lastCalls.get()).isEqualTo(1);
  }

  private static boolean workerAlive(String nodeId) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().startsWith("stepwise-worker-" + nodeId + "-") && t.isAlive());
  }

  @Test
  void runOfAKilledJvmFinishesAfterRestartWithoutRepeatingCompletedSteps() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "kill-").toAbsolutePath();
    String runId = "kill-" + UUID.randomUUID();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(KillChild.class.getName());
    command.add(dir.toString());
    command.add(runId);
    command.addAll(database.childArguments(dir.resolve("db")));
    Path childLog = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(childLog.toFile())
            .start();
    try {
      Await.until(
          () -> "the child runs step two; child output:\n" + read(childLog),
          Duration.ofSeconds(60),
          () -> Files.exists(dir.resolve("two.started")));
      whileChildRuns(runId);
    } finally {
      child.destroyForcibly(); // kill -9: no shutdown hook, no close()
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(lines(dir, "one")).containsExactly("attempt=1 pid=" + child.pid());
    assertThat(lines(dir, "two")).containsExactly("attempt=1 pid=" + child.pid());

    Stepwise.Builder restart = restartAfterKill(dir.resolve("db")).lease(Duration.ofSeconds(1));
    try (Stepwise engine = restart.build()) {
      WorkflowClient client = engine.register(new KillFlow.Definition(new KillFlow(dir, false)));
      engine.start();
      RunStatus s = client.awaitCompletion(runId, WAIT);

      assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
      long me = ProcessHandle.current().pid();
      assertThat(lines(dir, "one")).as("step one ran exactly once").hasSize(1);
      assertThat(lines(dir, "two"))
          .containsExactly("attempt=1 pid=" + child.pid(), "attempt=2 pid=" + me);
      assertThat(lines(dir, "three")).containsExactly("attempt=1 pid=" + me);
      assertThat(s.step("two").orElseThrow().attempts()).isEqualTo(2);
      assertThat(client.stepResult(s, "three", String.class).output())
          .isEqualTo("input>one>two@2>three");
    }
    deleteRecursively(dir); // kept when the test fails, for its child.log and markers
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static List<String> lines(Path dir, String step) throws IOException {
    Path f = dir.resolve(step + ".log");
    return Files.exists(f) ? Files.readAllLines(f) : List.of();
  }

  private static String read(Path f) {
    try {
      return Files.exists(f) ? Files.readString(f) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** A builder on the same database the kill child used. */
  private Stepwise.Builder restartAfterKill(Path dbDir) {
    return switch (database.kind()) {
      case H2 -> Stepwise.builder().embedded(dbDir);
      case POSTGRES -> Stepwise.builder().dataSource(dataSource()).schema(schema);
    };
  }

  /**
   * Checks the run's rows while the child still runs, where the database allows: PostgreSQL can be
   * read while the child lives, H2's file is the child's until it is killed.
   */
  private void whileChildRuns(String runId) {
    if (database.kind() != DatabaseKind.POSTGRES) {
      return;
    }
    // Step one is committed, step two is leased.
    Stepwise observer = engine(); // never started
    WorkflowClient client =
        observer.register(new KillFlow.Definition(new KillFlow(Path.of("."), false)));
    RunStatus s = client.status(runId);
    assertThat(s.step("one").orElseThrow().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(s.step("two").orElseThrow().status()).isEqualTo(Status.RUNNING);
    assertThat(s.step("two").orElseThrow().attempts()).isEqualTo(1);
  }
}

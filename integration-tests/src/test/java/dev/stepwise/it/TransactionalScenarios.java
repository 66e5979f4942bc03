package dev.stepwise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.it.flows.TxFlow;
import dev.stepwise.it.flows.TxFlow.Booking;
import dev.stepwise.it.flows.TxFlowResult;
import dev.stepwise.it.flows.TxFlowRunner;
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
import org.junit.jupiter.api.Test;

/** {@code @Step(transactional = true)}: the step's writes commit with its result, exactly once. */
interface TransactionalScenarios extends Scenario {

  @Test
  default void aTransactionalStepsWritesCommitWithItsResult() {
    Stepwise engine = engine();
    TxFlowRunner runner = new TxFlowRunner(engine, new TxFlow(schema(), null));
    engine.start();

    TxFlowResult r = runner.start(new Booking("b-1", false));

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.output()).isEqualTo("1 row(s) for b-1, booked on attempt 1");
  }

  @Test
  default void aFailedAttemptRollsItsWritesBackSoTheRetryWritesOnce() {
    Stepwise engine = engine();
    TxFlowRunner runner = new TxFlowRunner(engine, new TxFlow(schema(), null));
    engine.start();

    TxFlowResult r = runner.start(new Booking("b-2", true));

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.book().attempts()).isEqualTo(2);
    assertThat(r.output()).isEqualTo("1 row(s) for b-2, booked on attempt 2");
  }

  @Test
  default void aLostConnectionInTheEnginesOwnStatementsIsNotTheTransactionalStepsFailure() {
    // prepare has no retry policy: counted as its failure, the lost connection failed the run.
    FaultyDataSource faulty =
        new FaultyDataSource(
            database(), sql -> sql.contains("sw_runs") && sql.contains("for update"));
    Stepwise engine = engine(b -> b.dataSource(faulty));
    TxFlowRunner runner = new TxFlowRunner(engine, new TxFlow(schema(), null));
    engine.start();
    faulty.failNext(1);

    TxFlowResult r = runner.start(new Booking("b-engine-outage", false));

    assertThat(faulty.failed()).isEqualTo(1);
    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.prepare().attempts()).isEqualTo(1); // the engine's failure spent no attempt
    assertThat(r.output()).isEqualTo("1 row(s) for b-engine-outage, booked on attempt 1");
  }

  @Test
  default void aLostConnectionUnderATransactionalStepsOwnWriteRunsTheStepAgain() {
    // The transaction is gone with the connection: nothing the step wrote is kept, and the step
    // runs again rather than failing for an outage of the database.
    FaultyDataSource faulty =
        new FaultyDataSource(database(), sql -> sql.contains("insert") && sql.contains("ledger"));
    Stepwise engine = engine(b -> b.dataSource(faulty));
    TxFlowRunner runner = new TxFlowRunner(engine, new TxFlow(schema(), null));
    engine.start();
    faulty.failNext(1);

    TxFlowResult r = runner.start(new Booking("b-body-outage", false));

    assertThat(faulty.failed()).isEqualTo(1);
    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.book().attempts()).isEqualTo(1);
    assertThat(r.output()).isEqualTo("1 row(s) for b-body-outage, booked on attempt 1");
  }

  @Test
  default void aJvmKilledInsideATransactionalStepLeavesNoWritesAndTheRerunWritesOnce()
      throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "tx-kill-").toAbsolutePath();
    String runId = "tx-kill-" + UUID.randomUUID();
    Path marker = dir.resolve("book.hanging");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TxKillChild.class.getName());
    command.add(marker.toString());
    command.add(runId);
    command.addAll(childDatabase(dir.resolve("db")));
    Path childLog = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(childLog.toFile())
            .start();
    try {
      Await.until(
          "the child hangs inside book's transaction (see " + childLog + ")",
          Duration.ofSeconds(90),
          () -> Files.exists(marker));
    } finally {
      child.destroyForcibly(); // kill -9: the transaction never commits
      child.waitFor(30, TimeUnit.SECONDS);
    }

    // The killed child's lease is 1s, so its step is swept soon; this engine's own lease is longer
    // so that a loaded machine cannot make it lose the rerun's lease too (a third attempt).
    try (Stepwise engine = afterKill(dir.resolve("db")).lease(Duration.ofSeconds(5)).build()) {
      TxFlowRunner runner = new TxFlowRunner(engine, new TxFlow(childSchema(), null));
      engine.start();
      TxFlowResult r = runner.awaitCompletion(runId, WAIT);

      assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
      assertThat(r.book().attempts()).isEqualTo(2);
      // The killed attempt's insert never committed: one row, from the rerun.
      assertThat(r.output()).isEqualTo("1 row(s) for b-kill, booked on attempt 2");
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      // best effort: the directory is under target/
    }
  }
}

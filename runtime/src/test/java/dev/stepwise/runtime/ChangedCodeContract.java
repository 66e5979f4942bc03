package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.flows.ChangingFlow;
import dev.stepwise.runtime.flows.ChangingFlow.Version;
import dev.stepwise.runtime.flows.RedeployChild;
import dev.stepwise.runtime.spi.StepFingerprint;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs under a redeploy: one test per row of the guide's table ("Changing code under running
 * runs"). Each starts a run under version 1 on one engine, which parks it at {@code approve} and
 * closes; a second engine on the same database registers version 2 and resumes the run.
 */
abstract class ChangedCodeContract extends EngineContract {
  private final ChangingFlow flow = new ChangingFlow();

  @Test
  void aStepAddedDownstreamOfTheRunRunsAndTheRunMovesToTheNewVersion() throws Exception {
    String runId = parkedUnder(Version.base("v1"));
    WorkflowClient v2 = deploy(Version.base("v2").step("notify", "String", "ship"));

    RunStatus done = resume(v2, runId);

    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.calls)
        .containsExactly("v1:prepare", "v1:approve", "v2:approve", "v2:ship", "v2:notify");
    assertThat(graphVersionOf(runId)).isEqualTo("changing-v2"); // checked once, then recorded
  }

  @Test
  void aStepRemovedThatTheRunHasNotReachedIsFine() throws Exception {
    String runId = parkedUnder(Version.base("v1").step("archive", "String", "ship"));
    WorkflowClient v2 = deploy(Version.base("v2"));

    RunStatus done = resume(v2, runId);

    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.calls).doesNotContain("v2:archive").contains("v2:ship");
  }

  @Test
  void aReachedStepWhoseOutputTypeChangedFailsTheRunNamingTheStep() throws Exception {
    String runId = parkedUnder(Version.base("v1"));
    Version v2 = Version.base("v2");
    StepFingerprint f = v2.fingerprintOf("prepare");
    v2.fingerprint(
        "prepare",
        new StepFingerprint(
            "Order", f.inputs(), f.predecessors(), f.conditions(), f.resume(), f.options()));

    RunStatus failed = resume(deploy(v2), runId);

    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.error().message())
        .contains("run " + runId + " started with graph version changing-v1")
        .contains("cannot go on under the deployed version changing-v2")
        .contains("step \"prepare\", which the run has reached, changed its output type");
    assertThat(flow.calls).doesNotContain("v2:approve", "v2:ship");
  }

  @Test
  void aReachedStepWhoseInputsWereRewiredFailsTheRun() throws Exception {
    String runId = parkedUnder(Version.base("v1"));
    Version v2 = Version.base("v2");
    StepFingerprint f = v2.fingerprintOf("approve");
    v2.fingerprint(
        "approve",
        new StepFingerprint(
            f.output(), "input String", f.predecessors(), f.conditions(), f.resume(), f.options()));

    RunStatus failed = resume(deploy(v2), runId);

    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.error().message())
        .contains("step \"approve\", which the run has reached, had its inputs rewired");
  }

  @Test
  void aStepNotReachedMayBeRewired() throws Exception {
    String runId = parkedUnder(Version.base("v1"));
    // ship now reads prepare as well as approve: other inputs, other predecessors.
    Version v2 =
        new Version("v2")
            .step("prepare", "String")
            .suspendable("approve", "prepare")
            .step("ship", "String", "prepare", "approve");

    RunStatus done = resume(deploy(v2), runId);

    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(done.step("ship").orElseThrow().status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void aSuspendedRunResumesThroughAnotherEngineAfterACompatibleRedeploy() throws Exception {
    String runId = parkedUnder(Version.base("v1").step("audit", "String", "prepare"));
    // v2 keeps audit, which the run reached, unchanged and adds a step after ship.
    WorkflowClient v2 =
        deploy(
            Version.base("v2").step("audit", "String", "prepare").step("mail", "String", "ship"));

    assertThat(v2.status(runId).status()).isEqualTo(Status.SUSPENDED);
    RunStatus done = resume(v2, runId);

    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.calls).contains("v1:audit", "v2:ship", "v2:mail").doesNotContain("v2:audit");
  }

  /**
   * The old code runs in a JVM of its own until the run suspends, and exits; this JVM deploys
   * version 2 (a step added after ship) on the same database and resumes the run.
   */
  @Test
  void aSuspendedRunResumesInAnotherJvmAfterACompatibleRedeploy() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "redeploy-").toAbsolutePath();
    String runId = "redeploy-" + UUID.randomUUID();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(RedeployChild.class.getName());
    command.add(runId);
    command.addAll(database.childArguments(dir.resolve("db")));
    Path childLog = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(childLog.toFile())
            .start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the old JVM exits").isTrue();
    assertThat(child.exitValue()).as(Files.readString(childLog)).isZero();

    Stepwise.Builder builder =
        switch (database.kind()) {
          case H2 -> Stepwise.builder().embedded(dir.resolve("db"));
          case POSTGRES -> Stepwise.builder().dataSource(dataSource()).schema(schema);
        };
    try (Stepwise engine = builder.build()) {
      WorkflowClient v2 =
          engine.register(
              Version.base("v2")
                  .step("audit", "String", "prepare")
                  .step("mail", "String", "ship")
                  .definition(flow));
      engine.start();
      assertThat(v2.status(runId).status()).isEqualTo(Status.SUSPENDED);
      RunStatus done = resume(v2, runId);

      assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
      assertThat(done.step("audit").orElseThrow().attempts()).isEqualTo(1);
      assertThat(flow.calls).contains("v2:ship", "v2:mail").doesNotContain("v2:audit");
    }
  }

  @Test
  void aReachedStepThatWasRemovedFailsTheRun() throws Exception {
    String runId = parkedUnder(Version.base("v1").step("audit", "String", "prepare"));

    RunStatus failed = resume(deploy(Version.base("v2")), runId);

    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.error().message())
        .contains("step \"audit\", which the run has reached, was removed");
  }

  @Test
  void aNewRootFailsTheRunSinceItWouldNeverStart() throws Exception {
    String runId = parkedUnder(Version.base("v1"));

    RunStatus failed = resume(deploy(Version.base("v2").step("warmUp", "String")), runId);

    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.error().message()).contains("step \"warmUp\" is a root");
  }

  @Test
  void aVersionWithoutStoredFingerprintsFailsAsBefore() throws Exception {
    String runId = parkedUnder(Version.base("v1").withoutFingerprints());

    RunStatus failed = resume(deploy(Version.base("v2")), runId);

    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.error().message())
        .contains("run " + runId + " started with graph version changing-v1")
        .contains("has version changing-v2, so the run cannot go on under the deployed code");
  }

  @Test
  void aPreviousVersionKeptRegisteredFinishesItsRunsWhileNewRunsUseTheNewOne() throws Exception {
    String runId = parkedUnder(Version.base("v1"));
    Version v2 = Version.base("v2");
    StepFingerprint f = v2.fingerprintOf("approve");
    v2.fingerprint( // incompatible: without v1 kept, the run would fail
        "approve",
        new StepFingerprint(
            "Decision", f.inputs(), f.predecessors(), f.conditions(), f.resume(), f.options()));
    Stepwise engine = engine();
    WorkflowClient client = engine.register(v2.definition(flow));
    engine.registerPrevious(Version.base("v1").definition(flow));
    engine.start();

    RunStatus old = resume(client, runId);
    String fresh = client.start("new", StartOptions.defaults());

    assertThat(old.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.stepResult(old, "ship", String.class).output()).startsWith("v1:ship(");
    assertThat(graphVersionOf(runId)).isEqualTo("changing-v1");
    assertThat(client.awaitSettled(fresh, WAIT).status()).isEqualTo(Status.SUSPENDED);
    assertThat(graphVersionOf(fresh)).isEqualTo("changing-v2");
  }

  @Test
  void aPreviousVersionNeedsTheCurrentOneAndAVersionOfItsOwn() {
    Stepwise engine = engine();
    assertThatThrownBy(() -> engine.registerPrevious(Version.base("v1").definition(flow)))
        .isInstanceOf(StepwiseException.class)
        .hasMessageContaining("Register the current definition");
    engine.register(Version.base("v2").definition(flow));
    assertThatThrownBy(() -> engine.registerPrevious(Version.base("v2").definition(flow)))
        .isInstanceOf(StepwiseException.class)
        .hasMessageContaining("graph version changing-v2 registered already");
  }

  /** Starts a run under {@code v1} on an engine of its own, which it leaves parked at approve. */
  private String parkedUnder(Version v1) {
    Stepwise old = engine();
    WorkflowClient client = old.register(v1.definition(flow));
    old.start();
    String runId = client.start("order-1", StartOptions.defaults());
    assertThat(client.awaitSettled(runId, WAIT).status()).isEqualTo(Status.SUSPENDED);
    old.close();
    return runId;
  }

  /** A second engine on the same database, running {@code v2}. */
  private WorkflowClient deploy(Version v2) {
    Stepwise deployed = engine();
    WorkflowClient client = deployed.register(v2.definition(flow));
    deployed.start();
    return client;
  }

  private static RunStatus resume(WorkflowClient client, String runId) {
    client.resume(runId, "approve", "ok by Ann");
    return client.awaitCompletion(runId, WAIT);
  }

  private String graphVersionOf(String runId) throws Exception {
    try (Connection c = dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT graph_version FROM " + schema + ".sw_runs WHERE id = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }
}

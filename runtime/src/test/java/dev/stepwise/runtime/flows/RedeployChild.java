package dev.stepwise.runtime.flows;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.flows.ChangingFlow.Version;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The JVM of the old deployment in the redeploy test: runs version 1 of {@link ChangingFlow}
 * (prepare, audit, approve, ship) until the run suspends at approve, then stops and exits, as a
 * deployment that is replaced would.
 *
 * <p>Arguments: {@code runId h2 <dbDir>} or {@code runId pg <url> <user> <schema>}.
 */
public final class RedeployChild {
  private RedeployChild() {}

  /** Version 1 of the redeploy test: the base shape with audit after prepare. */
  public static Version v1() {
    return Version.base("v1").step("audit", "String", "prepare");
  }

  public static void main(String[] args) {
    String runId = args[0];
    Stepwise.Builder builder = Stepwise.builder().nodeId("old-" + ProcessHandle.current().pid());
    if (args[1].equals("h2")) {
      builder.embedded(Path.of(args[2]));
    } else {
      builder.jdbcUrl(args[2], args[3], "").schema(args[4]);
    }
    try (Stepwise engine = builder.build()) {
      WorkflowClient client = engine.register(v1().definition(new ChangingFlow()));
      engine.start();
      client.start("order-1", StartOptions.withRunId(runId));
      RunStatus parked = client.awaitSettled(runId, Duration.ofSeconds(60));
      System.out.println("child parked run " + runId + ": " + parked.status());
      if (parked.status() != Status.SUSPENDED) {
        System.exit(2);
      }
    }
  }
}

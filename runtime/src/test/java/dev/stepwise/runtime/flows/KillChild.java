package dev.stepwise.runtime.flows;

import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The JVM the kill-and-restart test kills: starts an engine with a 1s lease, starts one run of
 * {@link KillFlow} whose step two blocks forever, and waits to be killed.
 *
 * <p>Arguments: {@code markerDir runId h2 <dbDir>} or {@code markerDir runId pg <url> <user>
 * <schema>}.
 */
public final class KillChild {
  private KillChild() {}

  public static void main(String[] args) throws Exception {
    Path markers = Path.of(args[0]);
    String runId = args[1];
    Stepwise.Builder builder =
        Stepwise.builder()
            .lease(Duration.ofSeconds(1))
            .workers(2)
            .nodeId("child-" + ProcessHandle.current().pid());
    if (args[2].equals("h2")) {
      builder.embedded(Path.of(args[3]));
    } else {
      builder.jdbcUrl(args[3], args[4], "").schema(args[5]);
    }
    Stepwise engine = builder.build();
    WorkflowClient client = engine.register(new KillFlow.Definition(new KillFlow(markers, true)));
    engine.start();
    client.start("input", StartOptions.withRunId(runId));
    System.out.println("child started run " + runId);
    Thread.currentThread().join(); // until killed
  }
}

package dev.stepwise.runtime.flows;

import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The JVM the loop's kill-and-restart test kills: starts an engine with a 1s lease and one run of
 * {@link AccumulateFlow} whose iteration {@code blockAt} blocks forever, and waits to be killed.
 *
 * <p>Arguments: {@code markerDir runId blockAt h2 <dbDir>} or {@code markerDir runId blockAt pg
 * <url> <user> <schema>}.
 */
public final class AccumulateChild {
  private AccumulateChild() {}

  public static void main(String[] args) throws Exception {
    Path markers = Path.of(args[0]);
    String runId = args[1];
    int blockAt = Integer.parseInt(args[2]);
    Stepwise.Builder builder =
        Stepwise.builder()
            .lease(Duration.ofSeconds(1))
            .workers(2)
            .nodeId("child-" + ProcessHandle.current().pid());
    if (args[3].equals("h2")) {
      builder.embedded(Path.of(args[4]));
    } else {
      builder.jdbcUrl(args[4], args[5], "").schema(args[6]);
    }
    Stepwise engine = builder.build();
    WorkflowClient client =
        engine.register(new AccumulateFlow.Definition(new AccumulateFlow(markers, blockAt, 0)));
    engine.start();
    client.start("go", StartOptions.withRunId(runId));
    System.out.println("child started run " + runId);
    Thread.currentThread().join(); // until killed
  }
}

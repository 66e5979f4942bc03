package dev.stepwise.it;

import dev.stepwise.it.flows.TxFlow;
import dev.stepwise.it.flows.TxFlow.Booking;
import dev.stepwise.it.flows.TxFlowRunner;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Stepwise;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The JVM that the exactly-once test kills inside a transactional step: an engine with a 1s lease
 * runs {@link TxFlow}, whose {@code book} hangs after its insert on attempt 1.
 *
 * <p>Arguments: {@code marker runId h2 <dbDir>} or {@code marker runId pg <url> <user> <schema>}.
 */
public final class TxKillChild {
  private TxKillChild() {}

  public static void main(String[] args) {
    Path marker = Path.of(args[0]);
    String runId = args[1];
    Stepwise.Builder builder =
        Stepwise.builder()
            .lease(Duration.ofSeconds(1))
            .workers(2)
            .nodeId("child-" + ProcessHandle.current().pid());
    String schema = null;
    if (args[2].equals("h2")) {
      builder.embedded(Path.of(args[3]));
    } else {
      schema = args[5];
      builder.jdbcUrl(args[3], args[4], "").schema(schema);
    }
    Stepwise engine = builder.build();
    TxFlowRunner runner = new TxFlowRunner(engine, new TxFlow(schema, marker));
    engine.start();
    runner.startAsync(new Booking("b-kill", false), StartOptions.withRunId(runId));
    System.out.println("child started run " + runId);
    try {
      Thread.currentThread().join(); // until killed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

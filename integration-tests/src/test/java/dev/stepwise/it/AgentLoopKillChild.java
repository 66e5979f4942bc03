package dev.stepwise.it;

import dev.stepwise.it.flows.AgentLoopFlow;
import dev.stepwise.it.flows.AgentLoopFlow.Goal;
import dev.stepwise.it.flows.AgentLoopFlowRunner;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Stepwise;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The JVM that the agent-loop crash test kills mid-loop: an engine with a 1s lease runs {@link
 * AgentLoopFlow} through its generated runner, and the iteration {@code blockAt} blocks forever.
 *
 * <p>Arguments: {@code log runId blockAt h2 <dbDir>} or {@code log runId blockAt pg <url> <user>
 * <schema>}.
 */
public final class AgentLoopKillChild {
  private AgentLoopKillChild() {}

  public static void main(String[] args) {
    Path log = Path.of(args[0]);
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
    AgentLoopFlowRunner runner = new AgentLoopFlowRunner(engine, new AgentLoopFlow(log, blockAt));
    engine.start();
    runner.startAsync(new Goal("sum", AgentLoopScenarios.TARGET), StartOptions.withRunId(runId));
    System.out.println("child started run " + runId);
    try {
      Thread.currentThread().join(); // until killed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

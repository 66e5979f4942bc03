package dev.stepwise.spring.actuate;

import dev.stepwise.runtime.RunQuery;
import dev.stepwise.runtime.RunSummary;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/stepwise}: the registered workflows with their steps and latest runs; {@code
 * /actuator/stepwise/{workflow}}: one workflow with more of its runs. Read-only: starting, resuming
 * or cancelling runs is the HTTP API's job.
 */
@Endpoint(id = "stepwise")
public class StepwiseEndpoint {
  /** Runs listed per workflow on the overview. */
  static final int OVERVIEW_RUNS = 10;

  /** Runs listed for one workflow. */
  static final int WORKFLOW_RUNS = 100;

  private final Stepwise engine;

  public StepwiseEndpoint(Stepwise engine) {
    this.engine = engine;
  }

  /** What this node runs. */
  public record Overview(String node, List<WorkflowView> workflows) {}

  /** One workflow: its name, graph version, step ids in declaration order and newest runs. */
  public record WorkflowView(
      String name, String version, List<String> steps, List<RunSummary> runs, String next) {}

  @ReadOperation
  public Overview workflows() {
    return new Overview(
        engine.nodeId(), engine.clients().stream().map(c -> view(c, OVERVIEW_RUNS)).toList());
  }

  @ReadOperation
  public WorkflowView workflow(@Selector String name) {
    return engine.client(name).map(c -> view(c, WORKFLOW_RUNS)).orElse(null); // null: 404
  }

  private static WorkflowView view(WorkflowClient client, int runs) {
    var page = client.list(RunQuery.all().limit(runs));
    return new WorkflowView(
        client.graph().name(),
        client.graph().version(),
        client.graph().steps().stream().map(StepSpec::id).toList(),
        page.runs(),
        page.next());
  }
}

package dev.stepwise.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.StepStatus;
import dev.stepwise.runtime.spi.WorkflowClient;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * {@code GET .../runs/{runId}/steps/{stepId}/errors}: what a step's attempts threw, with the stack
 * traces the engine stored. These are traces of the workflow's own code, recorded when a step
 * failed; the run route leaves them out to stay small, and the server's own errors never carry one.
 */
final class StepErrorRoutes {
  private final Clients clients;

  StepErrorRoutes(Clients clients) {
    this.clients = clients;
  }

  void install(Javalin app) {
    app.get(RunRoutes.RUN + "/steps/{stepId}/errors", this::errors);
  }

  private void errors(Context ctx) {
    WorkflowClient client = clients.of(ctx);
    RunStatus run = RunRoutes.existing(client, ctx);
    String stepId = ctx.pathParam("stepId");
    StepStatus step =
        run.steps().stream()
            .filter(s -> s.stepId().equals(stepId))
            .findFirst()
            .orElseThrow(
                () -> new ApiException(404, "run " + run.runId() + " has no step " + stepId));
    ObjectNode out = Json.object().put("runId", run.runId()).put("stepId", stepId);
    out.set("latest", RunJson.error(step.error(), true));
    out.set("attempts", RunJson.attempts(client.errors(run.runId(), stepId), true));
    Responses.json(ctx, 200, out);
  }
}

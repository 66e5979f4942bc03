package dev.stepwise.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.runtime.AttemptError;
import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.StepError;
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
    out.set("latest", withTrace(step.error()));
    ArrayNode attempts = out.putArray("attempts");
    for (AttemptError a : client.errors(run.runId(), stepId)) {
      ObjectNode e = attempts.addObject().put("attempt", a.attempt());
      e.set("failedAt", Json.MAPPER.valueToTree(a.failedAt()));
      e.set("error", withTrace(a.error()));
    }
    Responses.json(ctx, 200, out);
  }

  private static ObjectNode withTrace(StepError error) {
    return error == null
        ? null
        : Json.object()
            .put("type", error.type())
            .put("message", error.message())
            .put("stackTrace", error.stackTrace());
  }
}

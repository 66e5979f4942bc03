package dev.stepwise.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.runtime.AttemptError;
import dev.stepwise.runtime.RunChange;
import dev.stepwise.runtime.RunPage;
import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.RunSummary;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.StepStatus;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.time.Duration;
import java.util.List;

/** Renders runs as the API's JSON; errors carry type and message, never the stack trace. */
final class RunJson {
  private RunJson() {}

  static ObjectNode page(RunPage page) {
    ObjectNode out = Json.object();
    ArrayNode runs = out.putArray("runs");
    for (RunSummary s : page.runs()) {
      runs.add(Json.MAPPER.valueToTree(s));
    }
    out.put("next", page.next());
    return out;
  }

  static ObjectNode run(RunStatus run, WorkflowClient client) {
    ObjectNode out =
        Json.object()
            .put("runId", run.runId())
            .put("workflow", run.workflow())
            .put("status", run.status().name())
            .put("failedStep", run.failedStep());
    out.set("error", error(run.error()));
    out.set("createdAt", Json.MAPPER.valueToTree(run.createdAt()));
    out.set("updatedAt", Json.MAPPER.valueToTree(run.updatedAt()));
    ArrayNode steps = out.putArray("steps");
    for (StepStatus step : run.steps()) {
      steps.add(step(run.runId(), step, client));
    }
    return out;
  }

  private static ObjectNode step(String runId, StepStatus step, WorkflowClient client) {
    ObjectNode out =
        Json.object()
            .put("id", step.stepId())
            .put("status", step.status().name())
            .put("attempts", step.attempts())
            .put("suspendReason", step.suspendReason());
    out.set("startedAt", Json.MAPPER.valueToTree(step.startedAt()));
    out.set("finishedAt", Json.MAPPER.valueToTree(step.finishedAt()));
    if (step.startedAt() != null && step.finishedAt() != null) {
      out.put("durationMs", Duration.between(step.startedAt(), step.finishedAt()).toMillis());
    }
    out.set("output", Json.parse(step.outputJson()));
    out.set("error", error(step.error()));
    // Only a step that failed at least once has attempt errors: spare the others the read.
    if (step.error() != null || step.attempts() > 1) {
      out.set("attemptErrors", attempts(client.errors(runId, step.stepId()), false));
    }
    return out;
  }

  static ObjectNode change(RunChange c) {
    ObjectNode out =
        Json.object()
            .put("runId", c.runId())
            .put("stepId", c.stepId())
            .put("status", c.status().name())
            .put("attempt", c.attempt());
    out.set("at", Json.MAPPER.valueToTree(c.at()));
    return out;
  }

  /** Each failed attempt with its time and error; with its stack trace if {@code traces}. */
  static ArrayNode attempts(List<AttemptError> attempts, boolean traces) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (AttemptError a : attempts) {
      ObjectNode e = out.addObject().put("attempt", a.attempt());
      e.set("failedAt", Json.MAPPER.valueToTree(a.failedAt()));
      e.set("error", error(a.error(), traces));
    }
    return out;
  }

  private static ObjectNode error(StepError error) {
    return error(error, false);
  }

  /** Type and message; the stack trace only where asked for (the step errors route). */
  static ObjectNode error(StepError error, boolean trace) {
    if (error == null) {
      return null;
    }
    ObjectNode out = Json.object().put("type", error.type()).put("message", error.message());
    return trace ? out.put("stackTrace", error.stackTrace()) : out;
  }
}

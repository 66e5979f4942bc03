package dev.stepwise.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.validation.Boundary;
import java.util.List;

/**
 * {@code GET /api/openapi.json}: an OpenAPI 3.1 document of the routes, with each workflow's start
 * and resume routes spelled out and their bodies' JSON Schemas embedded.
 */
final class OpenApiDocument {
  private OpenApiDocument() {}

  static ObjectNode build(List<WorkflowClient> clients, boolean secured) {
    ObjectNode doc = Json.object().put("openapi", "3.1.0");
    doc.putObject("info").put("title", "Stepwise").put("version", "1");
    ObjectNode paths = doc.putObject("paths");
    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    get(paths, "/api/workflows", "listWorkflows", "The registered workflows");
    get(paths, "/api/workflows/{name}", "getWorkflow", "A workflow with its JSON Schemas");
    get(paths, "/api/workflows/{name}/runs", "listRuns", "A page of runs, newest first");
    post(paths, "/api/workflows/{name}/runs", "startRun", "Starts a run", null);
    get(paths, "/api/workflows/{name}/runs/{runId}", "getRun", "A run with its steps");
    post(paths, RunRoutes.RUN + "/steps/{stepId}/resume", "resumeStep", "Resumes a step", null);
    post(paths, RunRoutes.RUN + "/events/{event}", "sendEvent", "Sends an event", null);
    post(paths, RunRoutes.RUN + "/cancel", "cancelRun", "Cancels a run", null);
    post(paths, RunRoutes.RUN + "/retry", "retryRun", "Retries a failed run", null);
    get(paths, EventStream.PATH, "streamRun", "The run's changes as server-sent events");
    get(
        paths,
        RunRoutes.RUN + "/steps/{stepId}/errors",
        "stepErrors",
        "A step's failed attempts with their stack traces");
    post(paths, RunRoutes.RUN + "/fork", "forkRun", "Forks a run from a step", null);
    post(paths, RunRoutes.RUNS + "/cancel-all", "cancelRuns", "Cancels the selected runs", null);
    post(paths, RunRoutes.RUNS + "/retry-all", "retryRuns", "Retries the selected runs", null);
    post(paths, RunRoutes.RUNS + "/delete-all", "deleteRuns", "Deletes the selected runs", null);
    get(paths, "/api/schedules", "listSchedules", "The cron schedules");
    post(paths, "/api/schedules/{name}/pause", "pauseSchedule", "Pauses a schedule", null);
    post(paths, "/api/schedules/{name}/resume", "resumeSchedule", "Resumes a schedule", null);
    post(paths, "/api/schedules/{name}/trigger", "triggerSchedule", "Starts a run now", null);
    get(paths, "/api/openapi.json", "openApi", "This document");
    get(paths, "/api/access", "access", "Whether tokens are required and the caller's role");
    for (WorkflowClient c : clients) {
      String name = c.graph().name();
      embed(schemas, c, Boundary.input(), name + ".input")
          .ifPresent(
              ref ->
                  post(
                      paths,
                      "/api/workflows/" + name + "/runs",
                      "start_" + name,
                      "Starts a run of " + name,
                      ref));
      for (StepSpec s : c.graph().steps()) {
        String path = "/api/workflows/" + name + "/runs/{runId}/steps/" + s.id() + "/resume";
        embed(schemas, c, Boundary.resume(s.id()), name + ".resume." + s.id())
            .ifPresent(
                ref ->
                    post(paths, path, "resume_" + name + "_" + s.id(), "Resumes " + s.id(), ref));
        String event = s.options().event();
        if (event != null) {
          embed(schemas, c, Boundary.event(event), name + ".event." + event)
              .ifPresent(
                  ref ->
                      post(
                          paths,
                          "/api/workflows/" + name + "/runs/{runId}/events/" + event,
                          "send_" + name + "_" + event,
                          "Sends event " + event,
                          ref));
        }
      }
    }
    if (secured) {
      doc.withObjectProperty("components")
          .putObject("securitySchemes")
          .putObject("bearer")
          .put("type", "http")
          .put("scheme", "bearer");
      doc.putArray("security").addObject().putArray("bearer");
    }
    return doc;
  }

  /** Adds a boundary's schema as a component; its {@code $ref} when there is one. */
  private static java.util.Optional<String> embed(
      ObjectNode schemas, WorkflowClient c, Boundary boundary, String key) {
    return WorkflowJson.schema(c, boundary)
        .map(
            schema -> {
              // An $id makes the schema's own "#/$defs/..." references resolve inside it, not
              // against the OpenAPI document's root.
              schema.put("$id", "urn:stepwise:" + key);
              schemas.set(key, schema);
              return "#/components/schemas/" + key;
            });
  }

  private static void get(ObjectNode paths, String path, String id, String summary) {
    ObjectNode op = operation(paths, path, "get", id, summary);
    op.withObjectProperty("responses").putObject("200").put("description", "OK");
  }

  private static void post(ObjectNode paths, String path, String id, String summary, String ref) {
    ObjectNode op = operation(paths, path, "post", id, summary);
    ObjectNode content =
        op.putObject("requestBody").putObject("content").putObject("application/json");
    ObjectNode schema = content.putObject("schema");
    if (ref != null) {
      schema.put("$ref", ref);
    }
    ObjectNode responses = op.withObjectProperty("responses");
    responses.putObject("200").put("description", "OK");
    responses.putObject("400").put("description", "The body breaks the schema: every violation");
  }

  private static ObjectNode operation(
      ObjectNode paths, String path, String method, String id, String summary) {
    ObjectNode op =
        paths
            .withObjectProperty(path)
            .putObject(method)
            .put("operationId", id)
            .put("summary", summary);
    ArrayNode params = op.putArray("parameters");
    for (String segment : path.split("/")) {
      if (segment.startsWith("{") && segment.endsWith("}")) {
        params
            .addObject()
            .put("name", segment.substring(1, segment.length() - 1))
            .put("in", "path")
            .put("required", true)
            .putObject("schema")
            .put("type", "string");
      }
    }
    op.withObjectProperty("responses")
        .putObject("404")
        .put("description", "No such workflow or run");
    return op;
  }
}

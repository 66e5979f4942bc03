package dev.stepwise.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stepwise.runtime.ForkOptions;
import dev.stepwise.runtime.RunQuery;
import dev.stepwise.runtime.ValidationException;
import dev.stepwise.runtime.Violation;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.validation.Boundary;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * The operations on runs beyond one call each: fork a run from a step, and cancel, retry or delete
 * every run a query selects (the query parameters of the run list).
 */
final class OperationRoutes {
  private final Clients clients;

  OperationRoutes(Clients clients) {
    this.clients = clients;
  }

  void install(Javalin app) {
    app.post(RunRoutes.RUN + "/fork", this::fork);
    app.post(RunRoutes.RUNS + "/cancel-all", ctx -> bulk(ctx, WorkflowClient::cancelAll));
    app.post(RunRoutes.RUNS + "/retry-all", ctx -> bulk(ctx, WorkflowClient::retryAll));
    app.post(RunRoutes.RUNS + "/delete-all", ctx -> bulk(ctx, WorkflowClient::deleteAll));
  }

  /**
   * {@code POST .../runs/{runId}/fork?fromStep=charge[&runId=new]}, with an optional body {@code
   * {"input": ...}}: the new run's input, read as the workflow's input type.
   */
  private void fork(Context ctx) {
    WorkflowClient client = clients.of(ctx);
    String source = RunRoutes.existing(client, ctx).runId();
    String fromStep = ctx.queryParam("fromStep");
    if (fromStep == null || fromStep.isEmpty()) {
      throw new ApiException(400, "fromStep is required: the first step the new run executes");
    }
    ForkOptions options = ForkOptions.from(fromStep).runId(ctx.queryParam("newRunId"));
    JsonNode input = bodyField(ctx, client, "input");
    if (input != null) {
      options = options.withInput(asInput(client, input));
    }
    String runId = client.fork(source, options);
    Responses.json(ctx, 201, Json.object().put("runId", runId).put("forkedFrom", source));
  }

  private void bulk(Context ctx, ToIntBiFunction<WorkflowClient, RunQuery> operation) {
    WorkflowClient client = clients.of(ctx);
    int count = operation.applyAsInt(client, RunQueries.from(ctx));
    Responses.json(ctx, 200, Json.object().put("count", count));
  }

  /** A field of the JSON body, or null when the body is empty or lacks it. */
  private static JsonNode bodyField(Context ctx, WorkflowClient client, String field) {
    String body = ctx.body();
    if (body == null || body.isBlank()) {
      return null;
    }
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ValidationException(
          "fork of workflow " + client.graph().name(),
          List.of(new Violation("$", "is not valid JSON: " + e.getOriginalMessage())));
    }
    return tree.get(field);
  }

  /** The input as the workflow's input type, so that its validator sees what it expects. */
  private static Object asInput(WorkflowClient client, JsonNode input) {
    return client
        .contract(Boundary.input())
        .<Object>map(c -> Json.MAPPER.convertValue(input, Json.MAPPER.constructType(c.type())))
        .orElse(input);
  }
}

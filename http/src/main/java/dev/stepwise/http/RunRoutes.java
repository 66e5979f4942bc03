package dev.stepwise.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.runtime.AwaitTimeoutException;
import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.ValidationException;
import dev.stepwise.runtime.Violation;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.validation.Boundary;
import dev.stepwise.runtime.spi.validation.Contract;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The routes on the runs of one workflow: list, read, start, resume, events, cancel, retry. */
final class RunRoutes {
  static final String RUNS = "/api/workflows/{name}/runs";
  static final String RUN = RUNS + "/{runId}";

  private final Clients clients;
  private final HttpOptions options;

  RunRoutes(Clients clients, HttpOptions options) {
    this.clients = clients;
    this.options = options;
  }

  void install(Javalin app) {
    app.get(RUNS, this::list);
    app.post(RUNS, this::start);
    app.get(RUN, this::get);
    app.post(RUN + "/steps/{stepId}/resume", this::resume);
    app.post(RUN + "/events/{event}", this::sendEvent);
    app.post(RUN + "/cancel", this::cancel);
    app.post(RUN + "/retry", this::retry);
  }

  private void list(Context ctx) {
    Responses.json(ctx, 200, RunJson.page(clients.of(ctx).list(RunQueries.from(ctx))));
  }

  private void get(Context ctx) {
    WorkflowClient client = clients.of(ctx);
    Responses.json(ctx, 200, RunJson.run(existing(client, ctx), client));
  }

  private void start(Context ctx) {
    WorkflowClient client = clients.of(ctx);
    StartOptions start =
        new StartOptions(ctx.queryParam("runId"), ctx.queryParam("idempotencyKey"));
    String runId;
    if (client.contract(Boundary.input()).isPresent()) {
      // startJson checks the body against the input's schema before anything is stored.
      runId = client.startJson(ctx.body(), start);
    } else if (ctx.body().isBlank()) {
      runId = client.start(null, start); // a workflow without @Input starts from nothing
    } else {
      throw new ApiException(
          400, "workflow " + client.graph().name() + " takes no input: send an empty body");
    }
    ObjectNode out = Json.object().put("runId", runId);
    if (!"true".equals(ctx.queryParam("wait"))) {
      Responses.json(ctx, 201, out);
      return;
    }
    try {
      RunStatus settled = client.awaitSettled(runId, waitTimeout(ctx));
      out.set("run", RunJson.run(settled, client));
      Responses.json(ctx, 201, out);
    } catch (AwaitTimeoutException e) {
      // The run goes on; 202 says it was stored but is not settled yet.
      Responses.json(ctx, 202, out.put("settled", false));
    }
  }

  private Duration waitTimeout(Context ctx) {
    String text = ctx.queryParam("timeoutMs");
    if (text == null) {
      return options.waitTimeout();
    }
    try {
      long ms = Long.parseLong(text);
      if (ms > 0 && ms <= options.waitTimeout().toMillis()) {
        return Duration.ofMillis(ms);
      }
    } catch (NumberFormatException e) {
      // fall through to the one message
    }
    throw new ApiException(
        400, "timeoutMs must be 1 to " + options.waitTimeout().toMillis() + ", was " + text);
  }

  private void resume(Context ctx) {
    WorkflowClient client = clients.of(ctx);
    String runId = existing(client, ctx).runId();
    String stepId = ctx.pathParam("stepId");
    client.resumeJson(runId, stepId, ctx.body());
    Responses.json(ctx, 200, Json.object().put("runId", runId).put("resumed", stepId));
  }

  private void sendEvent(Context ctx) {
    WorkflowClient client = clients.of(ctx);
    String runId = existing(client, ctx).runId();
    String name = ctx.pathParam("event");
    boolean stored = client.sendEvent(runId, name, eventPayload(client, name, ctx.body()));
    Responses.json(
        ctx, stored ? 201 : 200, Json.object().put("runId", runId).put("stored", stored));
  }

  /**
   * The event's payload as its declared type when the workflow has a contract for it (so the
   * engine's validator sees the type it expects), else as a JSON tree.
   */
  private static Object eventPayload(WorkflowClient client, String name, String body) {
    Optional<Contract<?>> contract = client.contract(Boundary.event(name));
    try {
      if (contract.isEmpty()) {
        return Json.MAPPER.readTree(body);
      }
      return Json.MAPPER.readValue(body, Json.MAPPER.constructType(contract.get().type()));
    } catch (JsonProcessingException e) {
      throw new ValidationException(
          Boundary.event(name).describe(client.graph().name()),
          List.of(new Violation("$", "is not valid JSON: " + e.getOriginalMessage())));
    }
  }

  private void cancel(Context ctx) {
    WorkflowClient client = clients.of(ctx);
    String runId = existing(client, ctx).runId();
    boolean cancelled = client.cancel(runId);
    Responses.json(ctx, 200, Json.object().put("runId", runId).put("cancelled", cancelled));
  }

  private void retry(Context ctx) {
    WorkflowClient client = clients.of(ctx);
    String runId = existing(client, ctx).runId();
    boolean retried = client.retry(runId);
    Responses.json(ctx, 200, Json.object().put("runId", runId).put("retried", retried));
  }

  /** The run the path names, which must belong to the path's workflow; else 404. */
  static RunStatus existing(WorkflowClient client, Context ctx) {
    String runId = ctx.pathParam("runId");
    RunStatus run = client.status(runId); // RunNotFoundException: 404
    if (!run.workflow().equals(client.graph().name())) {
      throw new ApiException(404, "run " + runId + " is not a run of " + client.graph().name());
    }
    return run;
  }
}

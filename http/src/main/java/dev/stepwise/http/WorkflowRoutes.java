package dev.stepwise.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.runtime.spi.WorkflowClient;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** {@code GET /api/workflows} and {@code GET /api/workflows/{name}}. */
final class WorkflowRoutes {
  private final Clients clients;

  WorkflowRoutes(Clients clients) {
    this.clients = clients;
  }

  void install(Javalin app) {
    app.get("/api/workflows", this::list);
    app.get("/api/workflows/{name}", this::detail);
  }

  private void list(Context ctx) {
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("workflows");
    for (WorkflowClient c : clients.all()) {
      list.add(WorkflowJson.summary(c));
    }
    Responses.json(ctx, 200, out);
  }

  private void detail(Context ctx) {
    Responses.json(ctx, 200, WorkflowJson.detail(clients.of(ctx)));
  }
}

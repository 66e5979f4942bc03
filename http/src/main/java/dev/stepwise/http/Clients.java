package dev.stepwise.http;

import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.spi.WorkflowClient;
import io.javalin.http.Context;
import java.util.List;

/** Finds the workflow a request names; an unknown one is a 404. */
final class Clients {
  private final Stepwise engine;

  Clients(Stepwise engine) {
    this.engine = engine;
  }

  List<WorkflowClient> all() {
    return engine.clients();
  }

  WorkflowClient of(Context ctx) {
    String name = ctx.pathParam("name");
    return engine
        .client(name)
        .orElseThrow(() -> new ApiException(404, "no workflow named " + name));
  }
}

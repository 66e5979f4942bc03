package dev.stepwise.http;

import dev.stepwise.runtime.Stepwise;
import io.javalin.Javalin;

/** Serves an engine's registered workflows as a JSON HTTP API under {@code /api}. */
public final class StepwiseHttp {
  private StepwiseHttp() {}

  /**
   * Starts the server. Refuses to bind to a non-loopback address without tokens: the API starts,
   * cancels and reads runs, so it must not be open to the network by accident.
   */
  public static StepwiseServer serve(Stepwise engine, HttpOptions options) {
    if (!options.isLoopback() && !options.requiresTokens()) {
      throw new IllegalArgumentException(
          "binding to " + options.host() + " exposes the API to the network: configure tokens");
    }
    Clients clients = new Clients(engine);
    TokenAuth auth = new TokenAuth(options);
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = options.maxBodyBytes();
            });
    app.before(auth::check);
    ErrorResponses.install(app);
    new WorkflowRoutes(clients).install(app);
    new RunRoutes(clients, options).install(app);
    new EventStream(clients).install(app);
    new OperationRoutes(clients).install(app);
    new ScheduleRoutes(engine).install(app);
    app.get(
        "/api/openapi.json",
        ctx ->
            Responses.json(
                ctx, 200, OpenApiDocument.build(clients.all(), options.requiresTokens())));
    app.start(options.host(), options.port());
    return new StepwiseServer(app);
  }
}

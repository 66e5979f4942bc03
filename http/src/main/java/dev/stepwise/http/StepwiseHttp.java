package dev.stepwise.http;

import dev.stepwise.runtime.Stepwise;
import io.javalin.Javalin;
import io.javalin.http.servlet.JavalinServlet;
import io.javalin.util.JavalinBindException;
import jakarta.servlet.Servlet;

/**
 * Serves an engine's registered workflows as a JSON HTTP API under {@code /api}, and the dashboard
 * under {@code /dashboard/}: on a server of its own ({@link #serve}) or as a servlet mounted in an
 * application's own server ({@link #servlet}).
 */
public final class StepwiseHttp {
  private StepwiseHttp() {}

  /**
   * Starts the server. Refuses to bind to a non-loopback address without tokens: the API starts,
   * cancels and reads runs, so it must not be open to the network by accident.
   *
   * @throws PortInUseException if another process listens on the port
   */
  public static StepwiseServer serve(Stepwise engine, HttpOptions options) {
    if (!options.isLoopback() && !options.requiresTokens()) {
      throw new IllegalArgumentException(
          "binding to " + options.host() + " exposes the API to the network: configure tokens");
    }
    Javalin app = app(engine, options);
    try {
      app.start(options.host(), options.port());
    } catch (JavalinBindException e) {
      throw new PortInUseException(options.host(), options.port(), e);
    }
    return new StepwiseServer(app);
  }

  /**
   * The API and dashboard as a servlet, for an application that has a server already (the Spring
   * Boot starter mounts it). Map it to {@code /*} of a context of its own, with async support on
   * (the event streams need it). Where it listens is the hosting server's choice, so {@link
   * HttpOptions#host} and {@link HttpOptions#port} are not used: configure tokens unless that
   * server is reachable from this machine only.
   */
  public static Servlet servlet(Stepwise engine, HttpOptions options) {
    // Javalin's own javalinServlet() is its Jetty servlet, which needs Jetty's WebSocket setup; the
    // plain JavalinServlet under it runs in any Jakarta Servlet 5+ container (Tomcat included).
    return new JavalinServlet(app(engine, options).unsafeConfig());
  }

  private static Javalin app(Stepwise engine, HttpOptions options) {
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
    new StepErrorRoutes(clients).install(app);
    new EventStream(clients).install(app);
    new OperationRoutes(clients).install(app);
    new ScheduleRoutes(engine).install(app);
    app.get("/api/access", ctx -> Responses.json(ctx, 200, auth.access(ctx)));
    app.get(
        "/api/openapi.json",
        ctx ->
            Responses.json(
                ctx, 200, OpenApiDocument.build(clients.all(), options.requiresTokens())));
    new DashboardRoutes().install(app);
    return app;
  }
}

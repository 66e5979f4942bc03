package dev.stepwise.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepwise.runtime.DatabaseUnavailableException;
import dev.stepwise.runtime.NotSuspendedException;
import dev.stepwise.runtime.RunNotFoundException;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.ValidationException;
import dev.stepwise.runtime.Violation;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code {"error": ..., "violations": [...]}} with its status. A caller
 * never sees a stack trace: unexpected errors are logged here and answered with a bare 500.
 */
final class ErrorResponses {
  private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  static void install(Javalin app) {
    app.exception(ApiException.class, (e, ctx) -> send(ctx, e.status(), e.getMessage(), List.of()));
    app.exception(
        ValidationException.class,
        (e, ctx) -> send(ctx, 400, "Invalid " + e.subject(), e.violations()));
    app.exception(
        RunNotFoundException.class, (e, ctx) -> send(ctx, 404, e.getMessage(), List.of()));
    app.exception(
        NotSuspendedException.class, (e, ctx) -> send(ctx, 409, e.getMessage(), List.of()));
    app.exception(
        DatabaseUnavailableException.class,
        (e, ctx) -> send(ctx, 503, "the database is unavailable", List.of()));
    // Javalin's own refusals, e.g. a body over the limit (413).
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> send(ctx, e.getStatus(), e.getMessage(), List.of()));
    app.exception(
        StepwiseException.class,
        (e, ctx) -> {
          log.warn("Refused {} {}", ctx.method(), ctx.path(), e);
          send(ctx, 409, e.getMessage(), List.of());
        });
    app.exception(
        IllegalArgumentException.class, (e, ctx) -> send(ctx, 400, e.getMessage(), List.of()));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("Failed {} {}", ctx.method(), ctx.path(), e);
          send(ctx, 500, "internal error", List.of());
        });
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null) {
            send(ctx, 404, "no route " + ctx.method() + " " + ctx.path(), List.of());
          }
        });
  }

  static void send(Context ctx, int status, String message, List<Violation> violations) {
    ObjectNode body = Json.object().put("error", message);
    ArrayNode list = body.putArray("violations");
    for (Violation v : violations) {
      list.addObject().put("path", v.path()).put("message", v.message());
    }
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }
}

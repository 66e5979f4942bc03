package dev.stepwise.http;

import io.javalin.http.Context;

/** Writes a JSON response. */
final class Responses {
  private Responses() {}

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }
}

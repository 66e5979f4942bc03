package dev.stepwise.http;

import dev.stepwise.runtime.RunQuery;
import dev.stepwise.runtime.Status;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Reads a {@link RunQuery} from the query string of {@code GET .../runs}; bad values are 400. */
final class RunQueries {
  static final int DEFAULT_LIMIT = 50;

  private RunQueries() {}

  static RunQuery from(Context ctx) {
    return new RunQuery(
        statuses(ctx.queryParam("status")),
        instant(ctx, "createdFrom"),
        instant(ctx, "createdBefore"),
        ctx.queryParam("prefix"),
        ctx.queryParam("idempotencyKey"),
        ctx.queryParam("errorType"),
        limit(ctx.queryParam("limit")),
        ctx.queryParam("after"));
  }

  private static Set<Status> statuses(String text) {
    Set<Status> out = EnumSet.noneOf(Status.class);
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.split(",")) {
      try {
        out.add(Status.valueOf(part.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ApiException(
            400, "unknown status " + part + "; one of " + EnumSet.allOf(Status.class));
      }
    }
    return out;
  }

  private static Instant instant(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ApiException(400, name + " must be an ISO-8601 instant, was " + text);
    }
  }

  private static int limit(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= RunQuery.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // fall through to the one message
    }
    throw new ApiException(400, "limit must be 1 to " + RunQuery.MAX_LIMIT + ", was " + text);
  }
}

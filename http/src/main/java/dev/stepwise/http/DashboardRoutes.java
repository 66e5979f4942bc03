package dev.stepwise.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.regex.Pattern;

/**
 * Serves the dashboard: a page and its scripts from this jar, and Mermaid from its WebJar. Written
 * as plain routes rather than Jetty's static files, so it works the same when the API is mounted as
 * a servlet in another server.
 */
final class DashboardRoutes {
  static final String ROOT = "/dashboard";
  private static final String FILES = "dev/stepwise/http/dashboard/";
  // One path segment of letters, digits and dashes with a known extension: nothing else is looked
  // up, so a request cannot walk out of the dashboard's folder.
  private static final Pattern FILE = Pattern.compile("[a-z0-9-]+\\.(html|js|css|svg)");
  // The page loads nothing from elsewhere and cannot be framed; Mermaid styles its SVG inline.
  private static final String POLICY =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  private final StaticAssets assets = new StaticAssets();

  void install(Javalin app) {
    app.get("/", this::redirect);
    // Javalin matches "/dashboard" and "/dashboard/" alike; the page's relative addresses need
    // the slash, so a request without it is sent to the one with it.
    app.get(
        ROOT,
        ctx -> {
          if (ctx.path().endsWith("/")) {
            send(ctx, FILES + "index.html");
          } else {
            redirect(ctx);
          }
        });
    app.get(ROOT + "/vendor/mermaid.min.js", ctx -> send(ctx, MermaidWebJar.SCRIPT));
    app.get(ROOT + "/{file}", this::file);
  }

  private void redirect(Context ctx) {
    ctx.redirect(ctx.contextPath() + ROOT + "/", HttpStatus.FOUND);
  }

  /** True for the paths that serve the dashboard's files, which need no token. */
  static boolean isDashboardPath(String path) {
    return path.equals("/") || path.equals(ROOT) || path.startsWith(ROOT + "/");
  }

  private void file(Context ctx) {
    String name = ctx.pathParam("file");
    if (!FILE.matcher(name).matches()) {
      throw new ApiException(404, "no dashboard file " + name);
    }
    send(ctx, FILES + name);
  }

  private void send(Context ctx, String resource) {
    StaticAssets.Asset asset =
        assets
            .find(resource)
            .orElseThrow(() -> new ApiException(404, "no dashboard file " + ctx.path()));
    ctx.header("Content-Security-Policy", POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "no-cache");
    ctx.header("ETag", asset.etag());
    if (asset.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(asset.contentType()).result(asset.bytes());
  }
}

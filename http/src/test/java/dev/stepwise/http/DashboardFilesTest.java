package dev.stepwise.http;

import static dev.stepwise.testing.DatabaseKind.H2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.Stepwise;
import dev.stepwise.testing.StepwiseDatabase;
import dev.stepwise.testing.TestSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's files: served without a token (they hold no data) under a strict content security
 * policy, cached by ETag, and nothing outside the dashboard's folder.
 */
@StepwiseDatabase(H2)
class DashboardFilesTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private Stepwise engine;
  private StepwiseServer server;

  @BeforeEach
  void open(TestSchema schema) {
    engine = Stepwise.builder().dataSource(schema.dataSource()).schema(schema.name()).build();
    engine.register(new OrderFlow.Definition());
    engine.start();
    server =
        StepwiseHttp.serve(
            engine, HttpOptions.defaults().readTokens("reader").operatorTokens("operator"));
  }

  @AfterEach
  void close() {
    server.close();
    engine.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePage_isServedWithoutAToken_underAPolicyThatAllowsOnlyItsOwnScripts() throws Exception {
    HttpResponse<String> page = get("/dashboard/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\">");
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("default-src 'self'").contains("frame-ancestors 'none'");
    assertThat(policy).doesNotContain("script-src"); // scripts fall back to 'self' only
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    assertThat(get("/api/workflows").statusCode()).isEqualTo(401); // the data still needs one
  }

  @Test
  void scriptsAndMermaid_areServedWithTheirContentType() throws Exception {
    HttpResponse<String> app = get("/dashboard/app.js");
    assertThat(app.statusCode()).isEqualTo(200);
    assertThat(app.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    HttpResponse<String> mermaid = get("/dashboard/vendor/mermaid.min.js");
    assertThat(mermaid.statusCode()).isEqualTo(200);
    assertThat(mermaid.body()).contains("mermaid");
  }

  @Test
  void anUnchangedFile_isAnswered304ForItsETag() throws Exception {
    String etag = get("/dashboard/app.js").headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = get("/dashboard/app.js", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void theRootAndTheFolderWithoutItsSlash_redirectToThePage() throws Exception {
    for (String path : new String[] {"/", "/dashboard"}) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(302);
      assertThat(r.headers().firstValue("Location")).as(path).hasValue("/dashboard/");
    }
  }

  @Test
  void nothingButTheDashboardsOwnFiles_isServed() throws Exception {
    for (String path :
        new String[] {
          "/dashboard/nope.js",
          "/dashboard/StepwiseHttp.class",
          "/dashboard/..%2FStepwiseHttp.class",
          "/dashboard/vendor/other.js"
        }) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(404);
    }
  }
}

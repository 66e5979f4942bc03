package dev.stepwise.http;

import static dev.stepwise.testing.DatabaseKind.H2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.testing.StepwiseDatabase;
import dev.stepwise.testing.TestSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StepwiseHttp#servlet} mounted under a context path of an application's own server (a plain
 * Jetty here, as a Spring Boot application would mount it in its Tomcat): the API, its event stream
 * and the dashboard answer under that path.
 */
@StepwiseDatabase(H2)
class ServletMountTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private Stepwise engine;
  private Server jetty;
  private String base;

  @BeforeEach
  void open(TestSchema schema) throws Exception {
    engine =
        Stepwise.builder()
            .dataSource(schema.dataSource())
            .schema(schema.name())
            .pollInterval(Duration.ofMillis(100))
            .build();
    engine.register(new OrderFlow.Definition());
    engine.start();
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/stepwise");
    ServletHolder holder =
        new ServletHolder(StepwiseHttp.servlet(engine, HttpOptions.defaults().maxBodyBytes(4096)));
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/*");
    jetty.setHandler(context);
    jetty.start();
    base = "http://127.0.0.1:" + connector.getLocalPort() + "/stepwise";
  }

  @AfterEach
  void close() throws Exception {
    jetty.stop();
    engine.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theApiStartsAndReadsRuns_underTheContextPath() throws Exception {
    HttpResponse<String> started =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/workflows/order/runs?runId=m1"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"customer\":\"ann\",\"quantity\":1}")));
    assertThat(started.statusCode()).isEqualTo(201);
    assertThat(
            engine
                .client("order")
                .orElseThrow()
                .awaitSettled("m1", Duration.ofSeconds(30))
                .status())
        .isEqualTo(Status.SUSPENDED);

    HttpResponse<String> run =
        send(HttpRequest.newBuilder(URI.create(base + "/api/workflows/order/runs/m1")));
    assertThat(run.statusCode()).isEqualTo(200);
    assertThat(run.body()).contains("\"status\":\"SUSPENDED\"");

    HttpResponse<String> cancelled =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/workflows/order/runs/m1/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(cancelled.statusCode()).isEqualTo(200);
    // A finished run's stream replays its changes and ends, so the whole body can be read.
    HttpResponse<String> stream =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/workflows/order/runs/m1/events-stream"))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30)));
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    assertThat(stream.body()).contains("\"stepId\":\"price\",\"status\":\"SUCCEEDED\"");
    assertThat(stream.body()).contains("\"stepId\":null,\"status\":\"CANCELLED\"");
  }

  @Test
  void theDashboard_isServedUnderTheContextPath() throws Exception {
    HttpResponse<String> root = send(HttpRequest.newBuilder(URI.create(base + "/")));
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location").orElseThrow())
        .endsWith("/stepwise/dashboard/");
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/dashboard/")));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("app.js");
  }

  @Test
  void theBodyLimit_holdsInTheServletToo() throws Exception {
    HttpResponse<String> big =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/workflows/order/runs"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"customer\":\"" + "x".repeat(8000) + "\"}")));
    assertThat(big.statusCode()).isEqualTo(413);
  }
}

package dev.stepwise.example.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application as it starts, on an H2 file database of its own: a signup runs end to end
 * through the injected runner, writes its account once, and shows in the HTTP routes and in
 * Actuator's health and stepwise endpoint.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "example.demo=false")
class ExampleSpringAppTest {
  private static final Duration WAIT = Duration.ofMinutes(1);

  @Autowired SignupWorkflowRunner signups;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  @DynamicPropertySource
  static void aDatabaseOfItsOwn(DynamicPropertyRegistry properties) throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "example-spring-").toAbsolutePath();
    properties.add(
        "spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("db") + ";LOCK_TIMEOUT=10000");
  }

  @Test
  void aSignupRunsEndToEndThroughTheInjectedRunnerAndWritesItsAccountOnce() {
    SignupWorkflowResult r =
        signups.start(new Signup("ann@example.com", "Ann"), StartOptions.defaults(), WAIT);

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    long id = r.createAccount().output();
    assertThat(r.output()).isEqualTo("welcome mail for account " + id + " sent to ann@example.com");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from accounts where email = ?", Integer.class, "ann@example.com"))
        .isEqualTo(1);
  }

  @Test
  void aSignupStartedOverHttpSucceedsAndShowsInActuator() {
    ResponseEntity<JsonNode> started =
        http.postForEntity(
            "/signups", Map.of("email", "bo@example.com", "name", "Bo"), JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String runId = started.getBody().get("runId").asText();

    Instant deadline = Instant.now().plus(WAIT);
    String status;
    do {
      status = http.getForObject("/signups/" + runId, JsonNode.class).get("status").asText();
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    } while (!status.equals("SUCCEEDED") && Instant.now().isBefore(deadline));
    assertThat(status).isEqualTo("SUCCEEDED");

    JsonNode health = http.getForObject("/actuator/health", JsonNode.class);
    assertThat(health.at("/components/stepwise/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/stepwise/details/database").asText()).isEqualTo("reachable");

    JsonNode stepwise = http.getForObject("/actuator/stepwise", JsonNode.class);
    JsonNode signup = stepwise.at("/workflows/0");
    assertThat(signup.get("name").asText()).isEqualTo("signup");
    assertThat(signup.get("steps").toString()).isEqualTo("[\"createAccount\",\"welcome\"]");
    assertThat(signup.get("runs").findValuesAsText("runId")).contains(runId);
  }

  @Test
  void theMountedHttpApiAndDashboardServeTheWorkflow() {
    JsonNode workflows = http.getForObject("/api/workflows", JsonNode.class);
    assertThat(workflows.toString()).contains("\"signup\"");

    // A start through the API, waited for, and the run's event stream (async, in Tomcat).
    ResponseEntity<JsonNode> started =
        http.postForEntity(
            "/api/workflows/signup/runs?wait=true",
            Map.of("email", "cy@example.com", "name", "Cy"),
            JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(started.getBody().at("/run/status").asText()).isEqualTo("SUCCEEDED");
    String runId = started.getBody().get("runId").asText();
    HttpHeaders events = new HttpHeaders();
    events.setAccept(List.of(MediaType.TEXT_EVENT_STREAM)); // Javalin streams only to those
    ResponseEntity<String> stream =
        http.exchange(
            "/api/workflows/signup/runs/" + runId + "/events-stream",
            HttpMethod.GET,
            new HttpEntity<>(events),
            String.class);
    assertThat(stream.getStatusCode()).as(stream.toString()).isEqualTo(HttpStatus.OK);
    assertThat(stream.getBody()).contains("event: change").contains("\"stepId\":\"welcome\"");

    ResponseEntity<String> dashboard = http.getForEntity("/dashboard/", String.class);
    assertThat(dashboard.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(dashboard.getBody()).contains("<html");
    // The application's own routes stay the application's.
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }
}

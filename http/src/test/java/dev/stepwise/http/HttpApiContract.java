package dev.stepwise.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepwise.http.Api.Event;
import dev.stepwise.http.Api.Reply;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.TestSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API's contract, proven once per database by one-line subclasses: a fresh schema, an
 * engine with the test flows and a server on a free loopback port per test.
 */
abstract class HttpApiContract {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String VALID = "{\"customer\": \"ann\", \"quantity\": 2}";

  private Stepwise engine;
  private SwitchableDataSource dataSource;
  private final List<StepwiseServer> servers = new ArrayList<>();
  private final FlakyFlow flaky = new FlakyFlow();
  private WorkflowClient orders;
  private Api api;

  @BeforeEach
  void open(TestSchema schema) {
    dataSource = new SwitchableDataSource(schema.dataSource());
    engine =
        Stepwise.builder()
            .dataSource(dataSource)
            .schema(schema.name())
            .workers(4)
            .pollInterval(Duration.ofMillis(100))
            .shutdownTimeout(Duration.ofSeconds(2))
            .databaseTimeout(Duration.ofSeconds(1))
            .build();
    orders = engine.register(new OrderFlow.Definition());
    engine.register(flaky);
    engine.register(new PaymentFlow());
    engine.register(new PingFlow());
    engine.start();
    api = new Api(serve(HttpOptions.defaults()).port(), null);
  }

  @AfterEach
  void close() {
    servers.forEach(StepwiseServer::close);
    engine.close();
  }

  private StepwiseServer serve(HttpOptions options) {
    StepwiseServer server = StepwiseHttp.serve(engine, options);
    servers.add(server);
    return server;
  }

  @Test
  void startStatusAndListWithPaging() {
    for (int i = 1; i <= 3; i++) {
      Reply started = api.post("/api/workflows/order/runs?runId=page-" + i, VALID);
      assertThat(started.status()).isEqualTo(201);
      assertThat(started.json().get("runId").asText()).isEqualTo("page-" + i);
    }
    orders.awaitSettled("page-3", WAIT);
    Reply run = api.get("/api/workflows/order/runs/page-3");
    assertThat(run.status()).isEqualTo(200);
    assertThat(run.json().get("status").asText()).isEqualTo("SUSPENDED");
    JsonNode price = run.json().get("steps").get(0);
    assertThat(price.get("id").asText()).isEqualTo("price");
    assertThat(price.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(price.get("attempts").asInt()).isEqualTo(1);
    assertThat(price.get("output").asLong()).isEqualTo(200);

    Reply first = api.get("/api/workflows/order/runs?prefix=page-&limit=2");
    assertThat(first.json().get("runs")).hasSize(2);
    String next = first.json().get("next").asText();
    Reply second = api.get("/api/workflows/order/runs?prefix=page-&limit=2&after=" + next);
    assertThat(second.json().get("runs")).hasSize(1);
    assertThat(second.json().get("next").isNull()).isTrue();
    List<String> ids = new ArrayList<>();
    first.json().get("runs").forEach(r -> ids.add(r.get("runId").asText()));
    second.json().get("runs").forEach(r -> ids.add(r.get("runId").asText()));
    assertThat(ids).containsExactlyInAnyOrder("page-1", "page-2", "page-3");

    Reply suspended = api.get("/api/workflows/order/runs?status=suspended&limit=10");
    assertThat(suspended.json().get("runs")).hasSize(3);
  }

  @Test
  void startWithTheSameIdempotencyKey_returnsTheFirstRun() {
    Reply first = api.post("/api/workflows/order/runs?idempotencyKey=k1", VALID);
    Reply second = api.post("/api/workflows/order/runs?idempotencyKey=k1", VALID);
    assertThat(second.json().get("runId")).isEqualTo(first.json().get("runId"));
    assertThat(api.get("/api/workflows/order/runs").json().get("runs")).hasSize(1);
  }

  @Test
  void startWithWait_returnsTheSettledRun() {
    Reply r = api.post("/api/workflows/order/runs?wait=true&runId=w1", VALID);
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("run").get("status").asText()).isEqualTo("SUSPENDED");
  }

  @Test
  void badBody_is400WithEveryViolationAndItsPath_andNothingIsStored() {
    Reply r =
        api.post("/api/workflows/order/runs?runId=bad", "{\"customer\": \" \", \"quantity\": 0}");
    assertThat(r.status()).isEqualTo(400);
    List<String> paths = new ArrayList<>();
    r.json().get("violations").forEach(v -> paths.add(v.get("path").asText()));
    assertThat(paths).containsExactly("$.customer", "$.quantity");
    assertThat(r.json().get("error").asText()).isEqualTo("Invalid input of workflow order");
    assertThat(r.json().toString()).doesNotContain("\tat ");
    assertThat(api.get("/api/workflows/order/runs/bad").status()).isEqualTo(404);
    assertThat(api.get("/api/workflows/order/runs").json().get("runs")).isEmpty();

    Reply malformed = api.post("/api/workflows/order/runs", "{\"customer\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("violations").get(0).get("path").asText()).isEqualTo("$");
  }

  @Test
  void aWorkflowWithoutInput_startsFromAnEmptyBody_andABodyIs400() {
    Reply started = api.post("/api/workflows/ping/runs?runId=ping-1&wait=true", "");
    assertThat(started.status()).isEqualTo(201);
    assertThat(started.json().at("/run/status").asText()).isEqualTo("SUCCEEDED");
    assertThat(started.json().at("/run/steps/0/output").asText()).isEqualTo("pong");

    Reply refused = api.post("/api/workflows/ping/runs?runId=ping-2", "{\"x\": 1}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("error").asText())
        .isEqualTo("workflow ping takes no input: send an empty body");
    assertThat(api.get("/api/workflows/ping/runs/ping-2").status()).isEqualTo(404);
  }

  @Test
  void resumeOfASuspendedRun_finishesIt_andASecondResumeIs409() {
    api.post("/api/workflows/order/runs?runId=r1", VALID);
    orders.awaitSettled("r1", WAIT);
    Reply bad = api.post("/api/workflows/order/runs/r1/steps/approve/resume", "{\"by\": \"\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("violations").get(0).get("path").asText()).isEqualTo("$.by");

    Reply ok = api.post("/api/workflows/order/runs/r1/steps/approve/resume", "{\"by\": \"bob\"}");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(orders.awaitCompletion("r1", WAIT).status()).isEqualTo(Status.SUCCEEDED);
    JsonNode run = api.get("/api/workflows/order/runs/r1").json();
    assertThat(run.get("steps").get(2).get("output").asText())
        .isEqualTo("shipped, approved by bob");

    Reply again =
        api.post("/api/workflows/order/runs/r1/steps/approve/resume", "{\"by\": \"eve\"}");
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void event_startsTheStepWaitingForIt_andABadPayloadIs400() {
    api.post("/api/workflows/payment/runs?runId=p1", "\"trip\"");
    WorkflowClient client = engine.client("payment").orElseThrow();
    assertThat(client.awaitSettled("p1", WAIT).status()).isEqualTo(Status.WAITING);
    Reply bad = api.post("/api/workflows/payment/runs/p1/events/paid", "{\"amount\": 0}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("violations").get(0).get("path").asText()).isEqualTo("$.amount");
    assertThat(api.post("/api/workflows/payment/runs/p1/events/paid", "{").status()).isEqualTo(400);

    Reply sent = api.post("/api/workflows/payment/runs/p1/events/paid", "{\"amount\": 5}");
    assertThat(sent.status()).isEqualTo(201);
    assertThat(sent.json().get("stored").asBoolean()).isTrue();
    assertThat(client.awaitCompletion("p1", WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(api.get("/api/workflows/payment/runs/p1").json().at("/steps/0/output").asText())
        .isEqualTo("booked 5");
  }

  @Test
  void cancel_cancelsTheRun() {
    api.post("/api/workflows/order/runs?runId=c1", VALID);
    orders.awaitSettled("c1", WAIT);
    Reply r = api.post("/api/workflows/order/runs/c1/cancel", "");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("cancelled").asBoolean()).isTrue();
    assertThat(orders.status("c1").status()).isEqualTo(Status.CANCELLED);
  }

  @Test
  void retry_ofAFailedRun_finishesIt() {
    api.post("/api/workflows/flaky/runs?runId=f1", "\"job\"");
    WorkflowClient client = engine.client("flaky").orElseThrow();
    assertThat(client.awaitCompletion("f1", WAIT).status()).isEqualTo(Status.FAILED);
    JsonNode failed = api.get("/api/workflows/flaky/runs/f1").json();
    assertThat(failed.get("error").get("message").asText()).isEqualTo("the service is down");
    assertThat(failed.get("error").has("stackTrace")).isFalse();
    assertThat(failed.get("steps").get(0).get("attemptErrors")).hasSize(1);

    flaky.failing.set(false);
    Reply r = api.post("/api/workflows/flaky/runs/f1/retry", "");
    assertThat(r.json().get("retried").asBoolean()).isTrue();
    assertThat(client.awaitCompletion("f1", WAIT).status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void fork_startsANewRunFromAStep_withANewInput() {
    flaky.failing.set(false);
    api.post("/api/workflows/flaky/runs?runId=src", "\"job\"");
    WorkflowClient client = engine.client("flaky").orElseThrow();
    assertThat(client.awaitCompletion("src", WAIT).status()).isEqualTo(Status.SUCCEEDED);

    Reply r =
        api.post(
            "/api/workflows/flaky/runs/src/fork?fromStep=work&newRunId=copy",
            "{\"input\": \"other\"}");

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("runId").asText()).isEqualTo("copy");
    assertThat(
            client.stepResult(client.awaitCompletion("copy", WAIT), "work", String.class).output())
        .isEqualTo("done other");
    assertThat(api.post("/api/workflows/flaky/runs/src/fork", "").status()).isEqualTo(400);
  }

  @Test
  void bulkOperations_actOnEveryRunTheQuerySelects_andReturnTheCount() {
    for (int i = 0; i < 3; i++) {
      api.post("/api/workflows/flaky/runs?runId=b" + i, "\"job\"");
    }
    WorkflowClient client = engine.client("flaky").orElseThrow();
    for (int i = 0; i < 3; i++) {
      assertThat(client.awaitCompletion("b" + i, WAIT).status()).isEqualTo(Status.FAILED);
    }
    flaky.failing.set(false);

    Reply retried = api.post("/api/workflows/flaky/runs/retry-all?status=FAILED&limit=2", "");
    assertThat(retried.json().get("count").asInt()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(client.awaitCompletion("b" + i, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    }
    Reply deleted = api.post("/api/workflows/flaky/runs/delete-all?prefix=b", "");
    assertThat(deleted.json().get("count").asInt()).isEqualTo(3);
    assertThat(api.get("/api/workflows/flaky/runs/b0").status()).isEqualTo(404);
  }

  @Test
  void schedules_areListedPausedAndTriggered() {
    JsonNode listed = api.get("/api/schedules").json().get("schedules");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("name").asText()).isEqualTo("flaky-yearly");
    assertThat(listed.get(0).get("paused").asBoolean()).isFalse();

    assertThat(api.post("/api/schedules/flaky-yearly/pause", "").status()).isEqualTo(200);
    assertThat(engine.schedules().find("flaky-yearly").orElseThrow().paused()).isTrue();
    flaky.failing.set(false);
    Reply triggered = api.post("/api/schedules/flaky-yearly/trigger", "");
    assertThat(triggered.status()).isEqualTo(201);
    String runId = triggered.json().get("runId").asText();
    assertThat(runId).startsWith("flaky-yearly@");
    assertThat(engine.client("flaky").orElseThrow().awaitCompletion(runId, WAIT).status())
        .isEqualTo(Status.SUCCEEDED);
    assertThat(api.post("/api/schedules/nope/pause", "").status()).isEqualTo(404);
  }

  @Test
  void eventsStream_deliversChanges_andAReconnectWithLastEventIdMissesNone() {
    api.post("/api/workflows/order/runs?runId=s1", VALID);
    String path = "/api/workflows/order/runs/s1/events-stream";
    List<Event> before = api.stream(path, null, runIs("SUSPENDED"));
    assertThat(before).extracting(e -> e.data().get("status").asText()).contains("SUSPENDED");
    assertThat(before).allSatisfy(e -> assertThat(e.id()).isNotBlank());
    assertThat(steps(before)).contains("price SUCCEEDED", "approve SUSPENDED");

    api.post("/api/workflows/order/runs/s1/steps/approve/resume", "{\"by\": \"bob\"}");
    orders.awaitCompletion("s1", WAIT);
    String lastId = before.get(before.size() - 1).id();
    List<Event> after = api.stream(path, lastId, runIs("SUCCEEDED"));
    assertThat(steps(after)).doesNotContain("price RUNNING", "price SUCCEEDED");
    assertThat(steps(after)).contains("approve SUCCEEDED", "ship RUNNING", "ship SUCCEEDED");
    assertThat(after.get(after.size() - 1).data().get("status").asText()).isEqualTo("SUCCEEDED");
  }

  private static Predicate<Event> runIs(String status) {
    return e -> e.data().get("stepId").isNull() && e.data().get("status").asText().equals(status);
  }

  private static List<String> steps(List<Event> events) {
    List<String> out = new ArrayList<>();
    for (Event e : events) {
      if (!e.data().get("stepId").isNull()) {
        out.add(e.data().get("stepId").asText() + " " + e.data().get("status").asText());
      }
    }
    return out;
  }

  @Test
  void tokens_noTokenIs401_readTokenOnPostIs403_operatorTokenIsAllowed() {
    int port = serve(HttpOptions.defaults().readTokens("reader").operatorTokens("operator")).port();
    Api anonymous = new Api(port, null);
    assertThat(anonymous.get("/api/workflows").status()).isEqualTo(401);
    assertThat(anonymous.withToken("wrong").get("/api/workflows").status()).isEqualTo(401);
    Api reader = anonymous.withToken("reader");
    assertThat(reader.get("/api/workflows").status()).isEqualTo(200);
    assertThat(reader.post("/api/workflows/order/runs", VALID).status()).isEqualTo(403);
    Api operator = anonymous.withToken("operator");
    assertThat(operator.post("/api/workflows/order/runs", VALID).status()).isEqualTo(201);
    assertThat(operator.get("/api/workflows").status()).isEqualTo(200);
  }

  @Test
  void access_tellsWhetherTokensAreRequired_andTheRoleOfTheCallersToken() {
    JsonNode open = api.get("/api/access").json();
    assertThat(open.get("tokensRequired").asBoolean()).isFalse();
    assertThat(open.get("role").asText()).isEqualTo("operator");

    int port = serve(HttpOptions.defaults().readTokens("reader").operatorTokens("operator")).port();
    Api anonymous = new Api(port, null);
    assertThat(anonymous.get("/api/access").status()).isEqualTo(401);
    JsonNode reader = anonymous.withToken("reader").get("/api/access").json();
    assertThat(reader.get("tokensRequired").asBoolean()).isTrue();
    assertThat(reader.get("role").asText()).isEqualTo("read");
    assertThat(anonymous.withToken("operator").get("/api/access").json().get("role").asText())
        .isEqualTo("operator");
  }

  @Test
  void stepErrors_carryTheStoredStackTraceOfEachFailedAttempt() {
    api.post("/api/workflows/flaky/runs?runId=trace", "\"job\"");
    engine.client("flaky").orElseThrow().awaitCompletion("trace", WAIT);

    Reply r = api.get("/api/workflows/flaky/runs/trace/steps/work/errors");
    assertThat(r.status()).isEqualTo(200);
    JsonNode attempt = r.json().get("attempts").get(0);
    assertThat(attempt.get("attempt").asInt()).isEqualTo(1);
    assertThat(attempt.at("/error/type").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(attempt.at("/error/stackTrace").asText())
        .startsWith("java.lang.IllegalStateException: the service is down")
        .contains("at dev.stepwise.http.FlakyFlow.invokeStep");
    assertThat(r.json().at("/latest/message").asText()).isEqualTo("the service is down");

    Reply unknown = api.get("/api/workflows/flaky/runs/trace/steps/nope/errors");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error").asText()).isEqualTo("run trace has no step nope");
  }

  @Test
  void nonLoopbackBind_withoutTokens_isRefused() {
    assertThatThrownBy(() -> serve(HttpOptions.defaults().host("0.0.0.0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("configure tokens");
  }

  @Test
  void aPortInUse_isRefusedWithAMessageThatNamesIt() {
    int taken = serve(HttpOptions.defaults()).port();
    assertThatThrownBy(() -> serve(HttpOptions.defaults().port(taken)))
        .isInstanceOf(PortInUseException.class)
        .hasMessage("port " + taken + " on 127.0.0.1 is in use by another process");
  }

  @Test
  void unknownWorkflowRunOrRoute_is404AsJson() {
    assertThat(api.get("/api/workflows/nope").status()).isEqualTo(404);
    assertThat(api.get("/api/workflows/nope/runs").status()).isEqualTo(404);
    Reply run = api.get("/api/workflows/order/runs/nope");
    assertThat(run.status()).isEqualTo(404);
    assertThat(run.json().has("error")).isTrue();
    assertThat(api.post("/api/workflows/order/runs/nope/cancel", "").status()).isEqualTo(404);
    assertThat(api.get("/api/workflows/order/runs/nope/events-stream").status()).isEqualTo(404);
    assertThat(api.get("/api/nothing").json().has("error")).isTrue();
  }

  @Test
  void databaseOutage_is503() {
    api.post("/api/workflows/order/runs?runId=d1", VALID);
    dataSource.down.set(true);
    try {
      Reply r = api.get("/api/workflows/order/runs/d1");
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.json().get("error").asText()).isEqualTo("the database is unavailable");
    } finally {
      dataSource.down.set(false);
    }
  }

  @Test
  void bodyOverTheLimit_is413() {
    Api small = new Api(serve(HttpOptions.defaults().maxBodyBytes(64)).port(), null);
    String big = "{\"customer\": \"" + "x".repeat(200) + "\", \"quantity\": 1}";
    assertThat(small.post("/api/workflows/order/runs", big).status()).isEqualTo(413);
  }

  @Test
  void workflows_listAndDetailWithSchemas() {
    JsonNode list = api.get("/api/workflows").json().get("workflows");
    assertThat(list)
        .extracting(w -> w.get("name").asText())
        .containsExactly("flaky", "order", "payment", "ping");
    JsonNode order = api.get("/api/workflows/order").json();
    assertThat(order.get("version").asText()).isEqualTo("order-v1");
    assertThat(order.get("mermaid").asText()).startsWith("flowchart TD");
    assertThat(order.get("steps")).hasSize(3);
    assertThat(order.at("/schemas/input/$defs/Order/required")).hasSize(2);
    assertThat(order.at("/schemas/resume/approve/required/0").asText()).isEqualTo("by");
    JsonNode payment = api.get("/api/workflows/payment").json();
    assertThat(payment.at("/steps/0/event").asText()).isEqualTo("paid");
    assertThat(payment.at("/schemas/events/paid/properties/amount/type").asText())
        .isEqualTo("integer");
  }

  @Test
  void openApi_isJson_andNamesTheRoutesAndEmbedsTheSchemas() {
    JsonNode doc = api.get("/api/openapi.json").json();
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    JsonNode paths = doc.get("paths");
    assertThat(paths.has("/api/workflows")).isTrue();
    assertThat(paths.has("/api/workflows/{name}/runs/{runId}/events-stream")).isTrue();
    assertThat(
            paths
                .at(
                    "/~1api~1workflows~1order~1runs/post/requestBody/content/application~1json/schema/$ref")
                .asText())
        .isEqualTo("#/components/schemas/order.input");
    assertThat(doc.at("/components/schemas/order.input/$defs/Order")).isNotNull();
    assertThat(doc.at("/components/schemas/order.resume.approve/required/0").asText())
        .isEqualTo("by");
    assertThat(paths.has("/api/access")).isTrue();
    assertThat(paths.has("/api/workflows/{name}/runs/{runId}/steps/{stepId}/errors")).isTrue();
    assertThat(
            paths
                .at(
                    "/~1api~1workflows~1payment~1runs~1{runId}~1events~1paid/post/requestBody"
                        + "/content/application~1json/schema/$ref")
                .asText())
        .isEqualTo("#/components/schemas/payment.event.paid");
  }
}

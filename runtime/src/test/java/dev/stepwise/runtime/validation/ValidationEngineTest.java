package dev.stepwise.runtime.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.ValidationException;
import dev.stepwise.runtime.Violation;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.validation.ValidatedFlow.Decision;
import dev.stepwise.runtime.validation.ValidatedFlow.Order;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input never loses data: the engine's validation hooks, on the embedded database. */
class ValidationEngineTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private Stepwise engine;
  private WorkflowClient client;

  @BeforeEach
  void open(@TempDir Path dir) {
    engine =
        Stepwise.builder().embedded(dir).workers(2).pollInterval(Duration.ofMillis(50)).build();
    client = engine.register(new ValidatedFlow.Definition());
    engine.start();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void invalidInput_isRefusedAtStart_withEveryViolation_andNothingIsStored() {
    assertThatThrownBy(() -> client.start(new Order(" ", 0, null), StartOptions.withRunId("r1")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("input of workflow validated");
              assertThat(e.violations())
                  .containsExactly(
                      new Violation("$.customer", "must not be blank"),
                      new Violation("$.quantity", "must be greater than or equal to 1"));
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Invalid input of workflow validated:\n"
                          + "  $.customer: must not be blank\n"
                          + "  $.quantity: must be greater than or equal to 1");
            });
    assertThat(client.list(10)).isEmpty();
  }

  @Test
  void nullInput_isRefused() {
    assertThatThrownBy(() -> client.start(null, StartOptions.defaults()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid input of workflow validated:\n  $: must not be null");
    assertThat(client.list(10)).isEmpty();
  }

  @Test
  void invalidOutput_failsTheStep_withTheViolations_andIsNotRecorded() {
    String runId = client.start(new Order("refund", 2, null), StartOptions.defaults());
    RunStatus run = client.awaitCompletion(runId, WAIT);
    assertThat(run.status()).isEqualTo(Status.FAILED);
    assertThat(run.failedStep()).isEqualTo("price");
    assertThat(run.error().type()).isEqualTo(ValidationException.class.getName());
    assertThat(run.error().message())
        .isEqualTo("Invalid output of step price:\n  $.cents: must be greater than or equal to 0");
    assertThat(run.step("price").orElseThrow().outputJson()).isNull();
  }

  @Test
  void invalidResumePayload_isRefused_andTheRunStaysSuspended_thenAValidOneResumesIt() {
    String runId = client.start(new Order("ann", 1, null), StartOptions.defaults());
    assertThat(client.awaitSettled(runId, WAIT).status()).isEqualTo(Status.SUSPENDED);

    assertThatThrownBy(() -> client.resume(runId, "approve", new Decision("")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid resume payload of step approve:\n  $.by: must not be blank");
    assertThat(client.status(runId).status()).isEqualTo(Status.SUSPENDED);
    assertThat(client.status(runId).step("approve").orElseThrow().status())
        .isEqualTo(Status.SUSPENDED);

    client.resume(runId, "approve", new Decision("bob"));
    RunStatus done = client.awaitCompletion(runId, WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(done.step("approve").orElseThrow().outputJson()).isEqualTo("\"approved by bob\"");
  }

  @Test
  void startJson_reportsMalformedJson_withWhereItBroke() {
    assertThatThrownBy(() -> client.startJson("{\"customer\": \"ann\",", StartOptions.defaults()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.violations()).hasSize(1);
              assertThat(e.violations().get(0).path()).isEqualTo("$");
              assertThat(e.violations().get(0).message()).startsWith("is not valid JSON: ");
            });
    assertThat(client.list(10)).isEmpty();
  }

  @Test
  void startJson_refusesTrailingContent_andRepeatedKeys() {
    for (String json :
        List.of(
            "{\"customer\": \"ann\", \"quantity\": 1} {}",
            "{\"customer\": \"ann\", \"quantity\": 1, \"quantity\": 2}")) {
      assertThatThrownBy(() -> client.startJson(json, StartOptions.defaults()))
          .as(json)
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.violations().get(0).message()).startsWith("is not valid JSON: "));
    }
    assertThat(client.list(10)).isEmpty();
  }

  @Test
  void startJson_reportsWrongTypes_unknownEnums_missingAndUnknownProperties_allAtOnce() {
    String json = "{\"quantity\": \"two\", \"size\": \"HUGE\", \"colour\": \"red\"}";
    assertThatThrownBy(() -> client.startJson(json, StartOptions.defaults()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation("$.customer", "is required"),
                        new Violation("$.quantity", "must be an integer, was a string"),
                        new Violation("$.size", "must be one of SMALL, LARGE, was \"HUGE\""),
                        new Violation(
                            "$.colour",
                            "is not a property of Order; known properties: customer, quantity,"
                                + " size")));
    assertThat(client.list(10)).isEmpty();
  }

  @Test
  void startJson_refusesNullForARequiredValue_andAFractionForAnInteger() {
    assertThatThrownBy(
            () ->
                client.startJson(
                    "{\"customer\": null, \"quantity\": 1.5}", StartOptions.defaults()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation("$.customer", "must not be null"),
                        new Violation("$.quantity", "must be an integer, was a number")));
  }

  @Test
  void startJson_checksConstraintsAfterDecoding_thenStartsTheRun() {
    assertThatThrownBy(
            () ->
                client.startJson(
                    "{\"customer\": \"ann\", \"quantity\": 0}", StartOptions.defaults()))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Invalid input of workflow validated:\n  $.quantity: must be greater than or equal to 1");
    String runId =
        client.startJson(
            "{\"customer\": \"ann\", \"quantity\": 2, \"size\": \"LARGE\"}",
            StartOptions.defaults());
    assertThat(client.awaitSettled(runId, WAIT).step("price").orElseThrow().outputJson())
        .isEqualTo("{\"cents\":200}");
  }

  @Test
  void resumeJson_refusesABadPayload_andKeepsTheRunSuspended() {
    String runId = client.start(new Order("ann", 1, null), StartOptions.defaults());
    assertThat(client.awaitSettled(runId, WAIT).status()).isEqualTo(Status.SUSPENDED);
    assertThatThrownBy(() -> client.resumeJson(runId, "approve", "{\"by\": 7}"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Invalid resume payload of step approve:\n  $.by: must be a string, was an integer");
    assertThat(client.status(runId).status()).isEqualTo(Status.SUSPENDED);
    client.resumeJson(runId, "approve", "{\"by\": \"carol\"}");
    assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
  }
}

package dev.stepwise.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.RunHandle;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.ValidationException;
import dev.stepwise.runtime.Violation;
import dev.stepwise.validation.model.Account;
import dev.stepwise.validation.model.CorpusWorkflow;
import dev.stepwise.validation.model.CorpusWorkflowResult;
import dev.stepwise.validation.model.CorpusWorkflowRunner;
import dev.stepwise.validation.model.Customer;
import dev.stepwise.validation.model.SignOffWorkflow;
import dev.stepwise.validation.model.SignOffWorkflow.SignOff;
import dev.stepwise.validation.model.SignOffWorkflowResult;
import dev.stepwise.validation.model.SignOffWorkflowRunner;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated runner, definition and validators on a real embedded engine. */
class GeneratedValidationEngineTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private Stepwise engine;
  private CorpusWorkflow workflow;
  private CorpusWorkflowRunner corpus;

  @BeforeEach
  void open(@TempDir Path dir) {
    engine =
        Stepwise.builder().embedded(dir).workers(2).pollInterval(Duration.ofMillis(50)).build();
    workflow = new CorpusWorkflow();
    corpus = new CorpusWorkflowRunner(engine, workflow);
    engine.start();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void start_refusesAnInvalidCustomer_listingEveryViolation_andStoresNothing() {
    Customer bad = Corpus.with(Corpus.with("name", "\" \""), "addresses", "[{\"street\": \"\"}]");
    assertThatThrownBy(() -> corpus.start(bad))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation("$.name", "must not be blank"),
                        new Violation("$.name", "size must be between 2 and 40"),
                        new Violation("$.addresses[0].street", "must not be blank")));
    assertThat(corpus.list(10)).isEmpty();
  }

  @Test
  void aValidRun_suspends_refusesAnInvalidResumePayload_thenFinishes() {
    CorpusWorkflowResult r = corpus.start(Customer.valid());
    assertThat(r.status()).isEqualTo(Status.SUSPENDED);
    String runId = r.runId();

    assertThatThrownBy(() -> corpus.resumeReview(runId, new Account(" ", 0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Invalid resume payload of step review:\n"
                + "  $.level: must be greater than or equal to 1\n"
                + "  $.owner: must not be blank");
    assertThatThrownBy(() -> corpus.resumeReviewJson(runId, "{\"owner\": \"ann\", \"lvl\": 2}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.level: is required")
        .hasMessageContaining(
            "$.lvl: is not a property of Account; known properties: level, owner");
    assertThat(corpus.status(runId).status()).isEqualTo(Status.SUSPENDED);

    corpus.resumeReviewJson(runId, "{\"owner\": \"ann\", \"level\": 2}");
    CorpusWorkflowResult done = corpus.awaitCompletion(runId, WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(done.review().output().getOwner()).isEqualTo("ann");
  }

  @Test
  void anInvalidEventPayload_isRefusedBeforeItIsStored_andTheStepKeepsWaiting() {
    SignOffWorkflowRunner signOffs = new SignOffWorkflowRunner(engine, new SignOffWorkflow());
    SignOffWorkflowResult waiting = signOffs.start("budget.pdf");
    assertThat(waiting.publish().status()).isEqualTo(Status.WAITING);
    String runId = waiting.runId();

    assertThatThrownBy(() -> signOffs.sendSignedOff(runId, new SignOff(" ", 0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Invalid payload of event signedOff:\n"
                + "  $.by: must not be blank\n"
                + "  $.level: must be greater than or equal to 1");
    assertThat(signOffs.status(runId).step("publish").orElseThrow().status())
        .isEqualTo(Status.WAITING);

    // The refused payload was not kept: the first valid one is the one that counts.
    assertThat(signOffs.sendSignedOff(runId, new SignOff("ann", 2))).isTrue();
    SignOffWorkflowResult done = signOffs.awaitCompletion(runId, WAIT);
    assertThat(done.publish().output()).isEqualTo("budget.pdf signed off by ann at level 2");
  }

  @Test
  void anInvalidOutput_failsItsStep() {
    workflow.replacement = Corpus.with("points", "0");
    RunHandle<CorpusWorkflowResult> run = corpus.startAsync(Customer.valid());
    CorpusWorkflowResult done = run.awaitCompletion(WAIT);
    assertThat(done.status()).isEqualTo(Status.FAILED);
    assertThat(done.echo().error().message())
        .isEqualTo("Invalid output of step echo:\n  $.points: must be greater than 0");
  }

  @Test
  void startJson_decodesTheJsonTheEngineWrites_andReportsBadJsonWithPaths() throws Exception {
    String json = Corpus.MAPPER.writeValueAsString(Customer.valid());
    assertThat(corpus.startJson(json).status()).isEqualTo(Status.SUSPENDED);

    String bad =
        json.replace("\"tier\":\"GOLD\"", "\"tier\":\"PLATINUM\"")
            .replace("\"points\":10", "\"points\":\"ten\"")
            .replace("\"birthday\":\"1990-05-31\"", "\"birthday\":\"31.05.1990\"");
    assertThatThrownBy(() -> corpus.startJsonAsync(bad, StartOptions.defaults()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new Violation("$.birthday", "must be a date like 2024-05-31"),
                        new Violation("$.points", "must be an integer, was a string"),
                        new Violation("$.tier", "must be one of SILVER, GOLD, was \"PLATINUM\"")));
    assertThat(corpus.list(10)).hasSize(1);
  }

  @Test
  void theRunnerServesTheInputSchema() {
    assertThat(corpus.inputSchema())
        .contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
    assertThat(corpus.contracts()).hasSize(5);
  }
}

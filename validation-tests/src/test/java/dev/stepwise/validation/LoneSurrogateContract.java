package dev.stepwise.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.ValidationException;
import dev.stepwise.runtime.Violation;
import dev.stepwise.validation.model.CorpusWorkflow;
import dev.stepwise.validation.model.CorpusWorkflowResult;
import dev.stepwise.validation.model.CorpusWorkflowRunner;
import dev.stepwise.validation.model.Customer;
import dev.stepwise.validation.model.OrderWorkflow;
import dev.stepwise.validation.model.OrderWorkflow.Approval;
import dev.stepwise.validation.model.OrderWorkflow.Line;
import dev.stepwise.validation.model.OrderWorkflow.Order;
import dev.stepwise.validation.model.OrderWorkflowRunner;
import dev.stepwise.validation.model.SignOffWorkflow;
import dev.stepwise.validation.model.SignOffWorkflow.SignOff;
import dev.stepwise.validation.model.SignOffWorkflowRunner;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Half of a UTF-16 surrogate pair is not Unicode: PostgreSQL stored it as {@code ?} while H2 kept
 * it (issue 11, defect 3). What callers send is refused with the path of the string or key, through
 * JSON and typed entry points alike, before anything is stored; what a step returns is stored as it
 * is, the half written as its JSON escape, and reads back unchanged on both databases.
 */
abstract class LoneSurrogateContract extends EngineOnDatabase {
  private static final String REFUSED = "; text must be valid Unicode";

  private OrderWorkflowRunner orders;

  @BeforeEach
  void register() {
    orders = new OrderWorkflowRunner(engine, new OrderWorkflow());
    engine.start();
  }

  @Test
  void anEscapedLoneSurrogateInAJsonString_isRefusedWithItsPathAndIndex() {
    String json = MalformedJsonContract.ORDER.replace("ring twice", "abc\\ud800");
    refusedStart(
        () -> orders.startJsonAsync(json, StartOptions.defaults()),
        new Violation("$.note", "contains a lone UTF-16 surrogate at index 3" + REFUSED));
  }

  @Test
  void aLoneSurrogateCharacterInJsonText_andAnEscapedOneInAMapKey_areBothRefused() {
    String json =
        MalformedJsonContract.ORDER
            .replace("ring twice", "ring \udc00twice")
            .replace("\"gift\"", "\"g\\udbffift\"");
    refusedStart(
        () -> orders.startJsonAsync(json, StartOptions.defaults()),
        new Violation(
            "$.attributes['g\\udbffift']",
            "the key contains a lone UTF-16 surrogate at index 1" + REFUSED),
        new Violation("$.note", "contains a lone UTF-16 surrogate at index 5" + REFUSED));
  }

  @Test
  void surrogatePairs_escapedOrNot_areAcceptedAndStoredAsGiven() {
    String json =
        MalformedJsonContract.ORDER.replace("ring twice", "\\ud83d\\ude00 and \ud83c\udf89");
    String runId = orders.startJsonAsync(json, StartOptions.defaults()).runId();
    assertThat(orders.awaitSettled(runId, WAIT).receive().output().note())
        .isEqualTo("\ud83d\ude00 and \ud83c\udf89");
    assertThat(storedInput(runId)).contains("\"note\":\"\ud83d\ude00 and \ud83c\udf89\"");
  }

  @Test
  void aTypedInputWithALoneSurrogate_isRefusedBeforeItIsStored() {
    Order order =
        new Order(
            "ann\ud800",
            List.of(new Line("A-1", 2, 150, BigDecimal.ONE, 0.0)),
            null,
            Map.of("k\udc00", "v"),
            null,
            null);
    refusedStart(
        () -> orders.startAsync(order, StartOptions.withRunId("typed-refused")),
        new Violation("$.customer", "contains a lone UTF-16 surrogate at index 3" + REFUSED),
        new Violation(
            "$.attributes['k\\udc00']",
            "the key contains a lone UTF-16 surrogate at index 1" + REFUSED));
    assertThat(storedInput("typed-refused")).isNull();
  }

  @Test
  void aResumePayloadWithALoneSurrogate_typedOrJson_isRefused_andTheStepStaysSuspended() {
    String runId = orders.startJson(MalformedJsonContract.ORDER).runId();
    String before = stepRow(runId, "approve");
    Consumer<ValidationException> expected =
        e -> {
          assertThat(e.subject()).isEqualTo("resume payload of step approve");
          assertThat(e.violations())
              .containsExactly(
                  new Violation("$.by", "contains a lone UTF-16 surrogate at index 0" + REFUSED));
        };
    assertThatThrownBy(() -> orders.resumeApprove(runId, new Approval("\udc00bob", null, null)))
        .isInstanceOfSatisfying(ValidationException.class, expected);
    assertThatThrownBy(() -> orders.resumeApproveJson(runId, "{\"by\": \"\\udc00bob\"}"))
        .isInstanceOfSatisfying(ValidationException.class, expected);
    assertThat(stepRow(runId, "approve")).isEqualTo(before).startsWith("SUSPENDED/");

    orders.resumeApprove(runId, new Approval("bob", null, null));
    assertThat(orders.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void anEventPayloadWithALoneSurrogate_isRefused_andNotKept() {
    SignOffWorkflowRunner signOffs = new SignOffWorkflowRunner(engine, new SignOffWorkflow());
    String runId = signOffs.start("budget.pdf").runId();
    long[] before = rowCounts();
    assertThatThrownBy(() -> signOffs.sendSignedOff(runId, new SignOff("an\ud800n", 2)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("payload of event signedOff");
              assertThat(e.violations())
                  .containsExactly(
                      new Violation(
                          "$.by", "contains a lone UTF-16 surrogate at index 2" + REFUSED));
            });
    assertThat(rowCounts()).isEqualTo(before);
    assertThat(signOffs.status(runId).step("publish").orElseThrow().status())
        .isEqualTo(Status.WAITING);
  }

  @Test
  void aStepOutputWithALoneSurrogate_isStoredEscaped_andReadsBackUnchanged() throws Exception {
    CorpusWorkflow workflow = new CorpusWorkflow();
    CorpusWorkflowRunner corpus = new CorpusWorkflowRunner(engine, workflow);
    Customer returned = Corpus.with("name", "\"Ann \\ud800 Lee\"");
    workflow.replacement = returned;

    CorpusWorkflowResult r = corpus.start(Customer.valid());

    assertThat(r.echo().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.echo().output().name()).isEqualTo("Ann \ud800 Lee");
    // Compared as JSON, since Account has no equals.
    assertThat(Corpus.MAPPER.writeValueAsString(r.echo().output()))
        .isEqualTo(Corpus.MAPPER.writeValueAsString(returned));
    // Stored as the escape (six ASCII characters), not as '?', nor as the half itself.
    assertThat(storedOutput(r.runId(), "echo")).contains("\"name\":\"Ann \\ud800 Lee\"");
  }

  private void refusedStart(Runnable start, Violation... expected) {
    long[] before = rowCounts();
    assertThatThrownBy(start::run)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("input of workflow orders");
              assertThat(e.violations()).containsExactly(expected);
            });
    assertThat(rowCounts()).isEqualTo(before);
  }
}

package dev.stepwise.http;

import static dev.stepwise.testing.DatabaseKind.H2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.StepwiseDatabase;
import dev.stepwise.testing.TestSchema;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real headless Chromium: what a user sees and does, checked on the page and in
 * the engine. Each test leaves a screenshot under target/screenshots.
 */
@StepwiseDatabase(H2)
class DashboardBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String ORDER = "{\"customer\": \"ann\", \"quantity\": 2}";

  private static Chromium chromium;

  private Stepwise engine;
  private StepwiseServer server;
  private final FlakyFlow flaky = new FlakyFlow();
  private WorkflowClient orders;

  @BeforeAll
  static void startBrowser() {
    chromium = Chromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void open(TestSchema schema) {
    engine =
        Stepwise.builder()
            .dataSource(schema.dataSource())
            .schema(schema.name())
            .workers(4)
            .pollInterval(Duration.ofMillis(100))
            .shutdownTimeout(Duration.ofSeconds(2))
            .build();
    orders = engine.register(new OrderFlow.Definition());
    engine.register(flaky);
    engine.register(new PaymentFlow());
    engine.start();
    server = StepwiseHttp.serve(engine, HttpOptions.defaults());
  }

  @AfterEach
  void close() {
    chromium.leave();
    server.close();
    engine.close();
  }

  private String dashboard(String fragment) {
    return "http://127.0.0.1:" + server.port() + "/dashboard/" + fragment;
  }

  private String suspendedOrder(String runId) {
    start("order", runId, ORDER);
    assertThat(orders.awaitSettled(runId, WAIT).status()).isEqualTo(Status.SUSPENDED);
    return runId;
  }

  @Test
  void suspendedRun_isResumedFromItsForm_afterTheValidatorsMessageIsShown_andFinishesLive() {
    suspendedOrder("order-1");
    chromium.open(dashboard("#/runs/order/order-1"));

    chromium.textOf(By.id("run-status"), "SUSPENDED");
    // The graph, rendered by Mermaid, colours each step's node by its status.
    awaitNode("price", "SUCCEEDED");
    awaitNode("approve", "SUSPENDED");
    awaitNode("ship", "PENDING");
    chromium.textOf(By.cssSelector("#timeline tr[data-step=price]"), "SUCCEEDED");
    assertThat(chromium.find(By.id("run-forms")).getText()).contains("needs a manager's decision");
    chromium.screenshot("suspended-run");
    chromium.script("window.stillTheSamePage = true;");

    By by = By.cssSelector("form[data-form=resume-approve] [name='$.by']");
    chromium.type(by, "   ");
    chromium.click(By.cssSelector("form[data-form=resume-approve] button[type=submit]"));
    String message =
        chromium.textOf(
            By.cssSelector("form[data-form=resume-approve] .violations[data-path='$.by']"),
            "must not be blank");
    assertThat(message).isEqualTo("must not be blank");
    chromium.screenshot("resume-refused");
    assertThat(orders.status("order-1").status()).isEqualTo(Status.SUSPENDED);

    chromium.type(by, "Ann");
    chromium.click(By.cssSelector("form[data-form=resume-approve] button[type=submit]"));

    chromium.textOf(By.id("run-status"), "SUCCEEDED");
    awaitNode("ship", "SUCCEEDED");
    chromium.click(By.cssSelector("#steps details[data-step=ship] summary"));
    chromium.textOf(By.cssSelector("#steps details[data-step=ship] pre"), "approved by Ann");
    assertThat(chromium.script("return window.stillTheSamePage === true")).isEqualTo(true);
    assertThat(chromium.driver().findElements(By.cssSelector("#run-forms form"))).isEmpty();
    chromium.screenshot("resumed-run-finished");
    assertThat(orders.status("order-1").status()).isEqualTo(Status.SUCCEEDED);
    chromium.assertNoScriptErrors("400 (Bad Request)");
  }

  @Test
  void operatorCancelsASuspendedRun_fromItsPage() {
    suspendedOrder("order-2");
    chromium.open(dashboard("#/runs/order/order-2"));
    chromium.textOf(By.id("run-status"), "SUSPENDED");

    chromium.click(By.id("cancel-run"));
    chromium.until(ExpectedConditions.alertIsPresent()).accept();

    chromium.textOf(By.id("run-status"), "CANCELLED");
    assertThat(chromium.driver().findElements(By.id("cancel-run"))).isEmpty();
    assertThat(chromium.find(By.id("retry-run")).getText()).isEqualTo("Retry run");
    chromium.screenshot("cancelled-run");
    assertThat(orders.status("order-2").status()).isEqualTo(Status.CANCELLED);
    chromium.assertNoScriptErrors();
  }

  @Test
  void runsTable_filtersByStatusAndRunIdPrefix_andShowsStatusChangesLive() {
    start("flaky", "flaky-1", "\"job\"");
    engine.client("flaky").orElseThrow().awaitCompletion("flaky-1", WAIT);
    suspendedOrder("order-a");
    suspendedOrder("order-b");
    chromium.open(dashboard("#/"));
    chromium.until(d -> rows().size() == 3);

    new Select(chromium.find(By.id("filter-status"))).selectByValue("FAILED");
    chromium.click(By.cssSelector("#filters button[type=submit]"));
    chromium.until(d -> rows().equals(List.of("flaky-1")));
    assertThat(chromium.driver().getCurrentUrl()).contains("status=FAILED");
    chromium.screenshot("runs-filtered-by-status");

    new Select(chromium.find(By.id("filter-status"))).selectByValue("");
    chromium.type(By.id("filter-prefix"), "order-");
    chromium.click(By.cssSelector("#filters button[type=submit]"));
    chromium.until(d -> rows().equals(List.of("order-b", "order-a")));

    orders.resumeJson("order-a", "approve", "{\"by\": \"Bo\"}");
    chromium.textOf(By.cssSelector("#runs tr[data-run=order-a]"), "SUCCEEDED");
    chromium.screenshot("runs-filtered-by-prefix-live");
    chromium.assertNoScriptErrors();
  }

  @Test
  void operatorStartsARunFromTheInputsForm_afterABadInputIsRefusedFieldByField() {
    chromium.open(dashboard("#/?workflow=order"));
    chromium.click(By.cssSelector("#start-run summary"));
    By customer = By.cssSelector("form[data-form=start] [name='$.customer']");
    By quantity = By.cssSelector("form[data-form=start] [name='$.quantity']");
    chromium.type(customer, " ");
    chromium.type(quantity, "0");
    chromium.click(By.cssSelector("form[data-form=start] button[type=submit]"));
    chromium.textOf(
        By.cssSelector("form[data-form=start] .violations[data-path='$.customer']"),
        "must not be blank");
    chromium.textOf(
        By.cssSelector("form[data-form=start] .violations[data-path='$.quantity']"),
        "must be greater than or equal to 1");
    chromium.screenshot("start-refused");
    assertThat(orders.list(10)).isEmpty();

    chromium.type(customer, "ann");
    chromium.type(quantity, "2");
    chromium.type(By.id("start-run-id"), "from-the-form");
    chromium.click(By.cssSelector("form[data-form=start] button[type=submit]"));
    chromium.textOf(By.cssSelector("#run-header h1"), "from-the-form");
    chromium.textOf(By.id("run-status"), "SUSPENDED");
    assertThat(orders.status("from-the-form").status()).isEqualTo(Status.SUSPENDED);
    chromium.assertNoScriptErrors("400 (Bad Request)");
  }

  @Test
  void failedRun_showsItsErrorAndStackTrace_andRetryFinishesIt() {
    start("flaky", "flaky-2", "\"job\"");
    engine.client("flaky").orElseThrow().awaitCompletion("flaky-2", WAIT);
    chromium.open(dashboard("#/runs/flaky/flaky-2"));

    chromium.textOf(By.id("run-error"), "the service is down");
    chromium.click(By.cssSelector("#steps details[data-step=work] summary"));
    chromium
        .find(By.xpath("//details[@data-step='work']//button[text()='Show stack traces']"))
        .click();
    String trace =
        chromium.textOf(
            By.cssSelector("details[data-step=work] pre.trace"), "IllegalStateException");
    assertThat(trace).contains("the service is down").contains("at dev.stepwise.http.FlakyFlow");
    chromium.screenshot("failed-run-stack-trace");

    flaky.failing.set(false);
    chromium.click(By.id("retry-run"));
    chromium.textOf(By.id("run-status"), "SUCCEEDED");
    assertThat(engine.client("flaky").orElseThrow().status("flaky-2").status())
        .isEqualTo(Status.SUCCEEDED);
    chromium.assertNoScriptErrors();
  }

  @Test
  void eventForm_showsTheValidatorsMessage_thenSendsTheEvent() {
    WorkflowClient payments = engine.client("payment").orElseThrow();
    start("payment", "pay-1", "\"invoice\"");
    chromium.open(dashboard("#/runs/payment/pay-1"));

    By amount = By.cssSelector("form[data-form=event-paid] [name='$.amount']");
    chromium.type(amount, "0");
    chromium.click(By.cssSelector("form[data-form=event-paid] button[type=submit]"));
    chromium.textOf(
        By.cssSelector("form[data-form=event-paid] .violations[data-path='$.amount']"),
        "must be greater than or equal to 1");

    chromium.type(amount, "5");
    chromium.click(By.cssSelector("form[data-form=event-paid] button[type=submit]"));
    chromium.textOf(By.id("run-status"), "SUCCEEDED");
    assertThat(payments.status("pay-1").status()).isEqualTo(Status.SUCCEEDED);
    chromium.assertNoScriptErrors("400 (Bad Request)");
  }

  @Test
  void withTokens_theDashboardAsksForOne_andAReadTokenSeesRunsButNoOperatorButtons() {
    suspendedOrder("order-3");
    try (StepwiseServer guarded =
        StepwiseHttp.serve(
            engine, HttpOptions.defaults().readTokens("viewer").operatorTokens("admin"))) {
      chromium.open("http://127.0.0.1:" + guarded.port() + "/dashboard/#/runs/order/order-3");
      chromium.type(By.id("token"), "guess");
      chromium.click(By.cssSelector("#token-form button"));
      chromium.textOf(By.id("token-form"), "That token was refused.");

      chromium.type(By.id("token"), "viewer");
      chromium.click(By.cssSelector("#token-form button"));
      chromium.textOf(By.id("run-status"), "SUSPENDED");
      chromium.textOf(By.id("access"), "signed in: read");
      assertThat(chromium.driver().findElements(By.id("cancel-run"))).isEmpty();
      assertThat(chromium.driver().findElements(By.cssSelector("#run-forms form"))).isEmpty();
      chromium.screenshot("read-only-run");
      chromium.click(By.xpath("//button[text()='Sign out']"));
      chromium.find(By.id("token-form"));
      chromium.assertNoScriptErrors("401 (Unauthorized)");
    }
  }

  /** Waits until the graph's node of {@code step} is drawn in the colours of {@code status}. */
  private void awaitNode(String step, String status) {
    chromium.until(
        d ->
            chromium
                .script(
                    "return [...document.querySelectorAll('#graph svg g.node')]"
                        + ".filter(n => n.textContent.trim() === arguments[0])"
                        + ".map(n => n.getAttribute('class')).join(' ')",
                    step)
                .toString()
                .contains("st_" + status));
  }

  private void start(String workflow, String runId, String inputJson) {
    engine.client(workflow).orElseThrow().startJson(inputJson, new StartOptions(runId, null));
  }

  private List<String> rows() {
    return chromium.driver().findElements(By.cssSelector("#runs tbody tr")).stream()
        .map(r -> r.getAttribute("data-run"))
        .toList();
  }
}

package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.flows.ApprovalFlow;
import dev.stepwise.runtime.flows.ApprovalFlow.Decision;
import dev.stepwise.runtime.flows.ChainFlow;
import dev.stepwise.runtime.flows.ChainFlow.Order;
import dev.stepwise.runtime.flows.EventFlow;
import dev.stepwise.runtime.flows.SizedFlow;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Boundary;
import dev.stepwise.runtime.spi.validation.Contract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The size limit on stored JSON ({@code maxPayloadBytes}, 2 MiB by default): an input, a resume
 * payload or an event payload over it is refused with a {@link PayloadTooLargeException} naming the
 * value, its size and the limit, before anything is stored; an output over it fails its step
 * without a retry.
 */
abstract class PayloadLimitContract extends EngineContract {
  private static final int LIMIT = 1024;

  /** {"id":"…","quantity":1}: 22 bytes besides the id. */
  private static Order orderOfSize(int bytes) {
    return new Order("o".repeat(bytes - 22), 1);
  }

  @Test
  void anInputOverTheLimitIsRefusedBeforeAnythingIsStoredAndOneAtTheLimitRuns() {
    Stepwise engine = engine(b -> b.maxPayloadBytes(LIMIT));
    WorkflowClient client = engine.register(new SizedFlow(SizedFlow.COUNT));
    engine.start();

    assertThatThrownBy(() -> client.start(orderOfSize(LIMIT + 1), StartOptions.withRunId("big")))
        .isInstanceOfSatisfying(
            PayloadTooLargeException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("input of workflow count");
              assertThat(e.size()).isEqualTo(LIMIT + 1);
              assertThat(e.limit()).isEqualTo(LIMIT);
            })
        .hasMessageContaining("Invalid input of workflow count")
        .hasMessageContaining("is 1025 bytes of JSON, more than the limit of 1024 bytes");
    assertThat(client.list(10)).isEmpty();
    assertThatThrownBy(() -> client.status("big")).isInstanceOf(RunNotFoundException.class);

    String id = client.start(orderOfSize(LIMIT), StartOptions.defaults());
    assertThat(client.awaitCompletion(id, WAIT).status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void sizesAreUtf8Bytes() {
    Stepwise engine = engine(b -> b.maxPayloadBytes(LIMIT));
    WorkflowClient client = engine.register(new ChainFlow.Definition(new ChainFlow()));

    // 600 characters, 1,222 bytes of JSON: each é is two.
    assertThatThrownBy(() -> client.start(new Order("é".repeat(600), 1), StartOptions.defaults()))
        .isInstanceOfSatisfying(
            PayloadTooLargeException.class, e -> assertThat(e.size()).isEqualTo(1222));
    assertThat(client.list(10)).isEmpty();
  }

  @Test
  void theDefaultLimitIsTwoMebibytes() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new SizedFlow(SizedFlow.COUNT));
    engine.start();

    assertThatThrownBy(
            () -> client.start(orderOfSize(2 * 1024 * 1024 + 1), StartOptions.defaults()))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageContaining("is 2097153 bytes of JSON, more than the limit of 2097152 bytes");
    assertThat(client.list(10)).isEmpty();
    String id = client.start(orderOfSize(2 * 1024 * 1024), StartOptions.defaults());
    assertThat(client.awaitCompletion(id, WAIT).status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void jsonTextOverTheLimitIsRefusedBeforeItIsParsed() {
    Stepwise engine = engine(b -> b.maxPayloadBytes(LIMIT));
    WorkflowClient client = engine.register(new ValidatedChain());

    // Not even valid JSON: the size is checked first, so parsing it is never tried.
    String text = "[" + "1,".repeat(LIMIT);
    assertThatThrownBy(() -> client.startJson(text, StartOptions.defaults()))
        .isInstanceOfSatisfying(
            PayloadTooLargeException.class,
            e -> assertThat(e.subject()).isEqualTo("input of workflow chain"));
    assertThat(client.list(10)).isEmpty();
  }

  @Test
  void aResumePayloadOverTheLimitLeavesTheStepSuspended() {
    Stepwise engine = engine(b -> b.maxPayloadBytes(LIMIT));
    WorkflowClient client = engine.register(new ApprovalFlow.Definition(new ApprovalFlow()));
    engine.start();
    String id = client.run("order", StartOptions.defaults()).runId();

    assertThatThrownBy(() -> client.resume(id, "approve", new Decision(true, "x".repeat(LIMIT))))
        .isInstanceOfSatisfying(
            PayloadTooLargeException.class,
            e -> assertThat(e.subject()).isEqualTo("resume payload of step approve"));
    assertThat(client.status(id).step("approve").orElseThrow().status())
        .isEqualTo(Status.SUSPENDED);

    client.resume(id, "approve", new Decision(true, "ann"));
    assertThat(client.awaitCompletion(id, WAIT).status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void anEventPayloadOverTheLimitIsNotStoredAndTheStepKeepsWaiting() {
    Stepwise engine = engine(b -> b.maxPayloadBytes(LIMIT));
    WorkflowClient client = engine.register(new EventFlow());
    engine.start();
    String id = client.run(null, StartOptions.defaults()).runId();
    assertThat(client.status(id).status()).isEqualTo(Status.WAITING);

    assertThatThrownBy(() -> client.sendEvent(id, "confirmed", "y".repeat(LIMIT)))
        .isInstanceOfSatisfying(
            PayloadTooLargeException.class,
            e -> assertThat(e.subject()).isEqualTo("payload of event confirmed"));
    assertThat(client.status(id).status()).isEqualTo(Status.WAITING);

    // The refused send stored nothing, so this one is the first.
    assertThat(client.sendEvent(id, "confirmed", "yes")).isTrue();
    RunStatus done = client.awaitCompletion(id, WAIT);
    assertThat(client.stepResult(done, "confirm", String.class).output())
        .isEqualTo("confirmed: yes");
  }

  @Test
  void anOutputOverTheLimitFailsItsStepWithoutARetry() {
    Stepwise engine = engine(b -> b.maxPayloadBytes(LIMIT));
    SizedFlow flow = new SizedFlow(SizedFlow.MAKE);
    WorkflowClient client = engine.register(flow);
    engine.start();

    RunStatus s = client.awaitCompletion(client.start(LIMIT, StartOptions.defaults()), WAIT);

    assertThat(s.status()).isEqualTo(Status.FAILED);
    assertThat(s.failedStep()).isEqualTo("make");
    StepStatus make = s.step("make").orElseThrow();
    assertThat(make.status()).isEqualTo(Status.FAILED);
    assertThat(make.attempts()).isEqualTo(1); // its policy has 3
    assertThat(flow.makeCalls.get()).isEqualTo(1);
    assertThat(make.error().type()).isEqualTo(PayloadTooLargeException.class.getName());
    assertThat(make.error().message())
        .contains("Invalid output of step make")
        .contains("is 1026 bytes of JSON, more than the limit of 1024 bytes");
    assertThat(make.outputJson()).isNull();
  }

  @Test
  void aFanOutWhoseOutputsTogetherAreOverTheLimitFailsItsStep() {
    Stepwise engine = engine(b -> b.maxPayloadBytes(LIMIT));
    WorkflowClient client = engine.register(new SizedFlow(SizedFlow.FAN));
    engine.start();

    // Ten outputs of 202 bytes each fit; their list of 2,031 bytes does not.
    RunStatus s = client.awaitCompletion(client.start(10, StartOptions.defaults()), WAIT);

    assertThat(s.status()).isEqualTo(Status.FAILED);
    assertThat(s.failedStep()).isEqualTo("each");
    assertThat(s.error().type()).isEqualTo(PayloadTooLargeException.class.getName());
    assertThat(s.error().message())
        .contains("output of step each")
        .contains("is 2031 bytes of JSON, more than the limit of 1024 bytes");
    assertThat(statuses(s)).containsExactly("list=SUCCEEDED", "each=FAILED", "done=NOT_REACHED");
  }

  @Test
  void aLimitBelowOneByteIsRefused() {
    assertThatThrownBy(() -> engine(b -> b.maxPayloadBytes(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPayloadBytes must be at least 1, was 0");
  }

  /** The chain workflow with a contract for its input, so it takes JSON text. */
  private static final class ValidatedChain implements WorkflowDefinition {
    private final ChainFlow.Definition chain = new ChainFlow.Definition(new ChainFlow());

    @Override
    public WorkflowGraph graph() {
      return chain.graph();
    }

    @Override
    public List<Contract<?>> contracts() {
      return List.of(
          new Contract<Order>(
              Boundary.input(),
              Order.class,
              (order, out) -> {},
              "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"},"
                  + " \"quantity\": {\"type\": \"integer\"}}}"));
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) throws Exception {
      return chain.invokeStep(stepId, in);
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      return chain.evaluateCondition(name, in);
    }
  }
}

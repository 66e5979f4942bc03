package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.flows.ApprovalFlow;
import dev.stepwise.runtime.flows.ChainFlow;
import dev.stepwise.runtime.flows.ChainFlow.Order;
import dev.stepwise.runtime.flows.EventFlow;
import dev.stepwise.runtime.flows.NestFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Run ids and idempotency keys: a caller's id is 1 to 128 letters, digits and {@code -_.:@}, a key
 * 1 to 256 visible ASCII characters; anything else is refused at start with a {@link
 * ValidationException} that names the value and the rule, before anything is stored, and is not
 * found by the calls that look a run up. Only the engine makes ids with a {@code /}, for child
 * runs, and those fit however long the parent's id.
 */
abstract class RunIdContract extends EngineContract {
  private static final String LONGEST = "a".repeat(128);

  @Test
  void aRunIdLongerThan128CharactersIsRefusedInsteadOfMatchingAnotherRun() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new ChainFlow.Definition(new ChainFlow()));
    engine.start();
    assertThat(client.start(new Order("o", 1), StartOptions.withRunId(LONGEST))).isEqualTo(LONGEST);

    assertThatThrownBy(() -> client.start(new Order("p", 1), StartOptions.withRunId(LONGEST + "b")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("start options of workflow chain")
        .hasMessageContaining("$.runId")
        .hasMessageContaining("is 129 characters long")
        .hasMessageContaining("a run id is 1 to 128 characters");
    assertThatThrownBy(() -> client.status(LONGEST + "b"))
        .isInstanceOf(RunNotFoundException.class)
        .hasMessageContaining("is 129 characters long");
    assertThat(client.awaitCompletion(LONGEST, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.list(10)).extracting(RunStatus::runId).containsExactly(LONGEST);
  }

  @Test
  void emptyBlankAndControlCharacterRunIdsAreRefusedBeforeAnythingIsStored() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new ChainFlow.Definition(new ChainFlow()));

    for (String id : List.of("", " ", "\n", "a\u0000b", "order 1", "ordre-é", "a\ud800")) {
      assertThatThrownBy(() -> client.start(new Order("o", 1), StartOptions.withRunId(id)))
          .as("run id %s", IdText.of(id))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("a run id is 1 to 128 characters, each a letter");
    }
    assertThatThrownBy(() -> client.start(new Order("o", 1), StartOptions.withRunId("a\u0000b")))
        .hasMessageContaining("\"a\\u0000b\" has U+0000 at index 1");
    assertThatThrownBy(() -> client.start(new Order("o", 1), StartOptions.withRunId("")))
        .hasMessageContaining("\"\" is empty");
    assertThat(client.list(10)).isEmpty();
  }

  @Test
  void theWholeSafeSetIsAccepted() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new ChainFlow.Definition(new ChainFlow()));
    engine.start();
    String id = "Order-4711_v2.1:eu@acme";

    assertThat(client.start(new Order("o", 1), StartOptions.withRunId(id))).isEqualTo(id);
    assertThat(client.awaitCompletion(id, WAIT).status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void aCallerGivenIdWithASlashIsRefusedSoItCannotPoseAsAChildRun() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new ApprovalFlow.Definition(new ApprovalFlow()));
    engine.start();
    assertThat(client.run("acme's order", StartOptions.withRunId("acme")).status())
        .isEqualTo(Status.SUSPENDED);

    assertThatThrownBy(() -> client.start("forged", StartOptions.withRunId("acme/order-1")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("\"acme/order-1\" has '/' at index 4");

    // Nothing was stored under the forged id, so acme's status and cancel see acme alone.
    assertThat(statuses(client.status("acme")))
        .containsExactly("prepare=SUCCEEDED", "approve=SUSPENDED", "ship=PENDING");
    assertThatThrownBy(() -> client.status("acme/order-1"))
        .isInstanceOf(RunNotFoundException.class);
    assertThat(client.cancel("acme")).isTrue();
    assertThat(client.list(10)).extracting(RunStatus::runId).containsExactly("acme");
  }

  @Test
  void invalidIdempotencyKeysAreRefusedBeforeAnythingIsStored() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new ChainFlow.Definition(new ChainFlow()));

    for (String key : List.of("k".repeat(300), "k".repeat(257), "", " ", "\n", "k\u0000", "clé")) {
      assertThatThrownBy(
              () -> client.start(new Order("o", 1), StartOptions.withIdempotencyKey(key)))
          .as("key %s", IdText.of(key))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("$.idempotencyKey")
          .hasMessageContaining("an idempotency key is 1 to 256 visible ASCII characters");
    }
    assertThatThrownBy(
            () -> client.start(new Order("o", 1), StartOptions.withIdempotencyKey("k".repeat(300))))
        .hasMessageContaining("\"" + "k".repeat(40) + "\"... (300 characters) is 300 characters");
    assertThat(client.list(10)).isEmpty();
  }

  @Test
  void aBadRunIdAndABadKeyAreReportedTogether() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new ChainFlow.Definition(new ChainFlow()));

    assertThatThrownBy(
            () -> client.start(new Order("o", 1), new StartOptions("a/b", "k".repeat(257))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly("$.runId", "$.idempotencyKey"));
  }

  @Test
  void theLongestKeyAndVisibleAsciiAreAccepted() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new ChainFlow.Definition(new ChainFlow()));
    String longest = "k".repeat(256);
    String visible = "!\"#$%&'()*+,-./0123456789:;<=>?@AZ[\\]^_`az{|}~";

    String first = client.start(new Order("o", 1), StartOptions.withIdempotencyKey(longest));
    assertThat(client.start(new Order("o", 1), StartOptions.withIdempotencyKey(longest)))
        .isEqualTo(first);
    assertThat(client.start(new Order("o", 1), StartOptions.withIdempotencyKey(visible)))
        .isNotEqualTo(first);
  }

  @Test
  void everyCallThatLooksARunUpFindsNoRunForAnIdNoRunCanHave() {
    Stepwise engine = engine();
    WorkflowClient chain = engine.register(new ChainFlow.Definition(new ChainFlow()));
    WorkflowClient approval = engine.register(new ApprovalFlow.Definition(new ApprovalFlow()));
    WorkflowClient event = engine.register(new EventFlow());
    engine.start();

    for (String id :
        List.of(
            "",
            " ",
            "\n",
            "a\u0000",
            "a".repeat(129),
            "a/",
            "a//b",
            "a/b\u0000",
            "x".repeat(600))) {
      Consumer<ThrowingCallable> notFound =
          call ->
              assertThatThrownBy(call)
                  .as("run id %s", IdText.of(id))
                  .isInstanceOf(RunNotFoundException.class)
                  .hasMessageStartingWith("No run \"")
                  .hasMessageContaining("that id ");
      notFound.accept(() -> chain.status(id));
      notFound.accept(() -> chain.cancel(id));
      notFound.accept(() -> chain.awaitCompletion(id, Duration.ofSeconds(1)));
      notFound.accept(() -> chain.awaitSettled(id, Duration.ofSeconds(1)));
      notFound.accept(() -> chain.watch(id, change -> {}));
      notFound.accept(() -> approval.resume(id, "approve", new ApprovalFlow.Decision(true, "x")));
      notFound.accept(() -> approval.resumeJson(id, "approve", "{\"approved\":true,\"by\":\"x\"}"));
      notFound.accept(() -> event.sendEvent(id, "confirmed", "yes"));
    }
  }

  @Test
  void childRunIdsOfALongParentIdFitAndTooDeepANestingFailsClearly() {
    Stepwise engine = engine();
    // The step ids take the 200 characters their column allows.
    NestFlow parent = new NestFlow("nest-parent", "p".repeat(200));
    NestFlow child = new NestFlow("nest-child", "c".repeat(200));
    NestFlow leaf = new NestFlow("nest-leaf", "leaf");
    WorkflowClient parents = engine.register(parent);
    WorkflowClient children = engine.register(child);
    WorkflowClient leaves = engine.register(leaf);
    parent.child = leaves;
    engine.start();

    // 128 + 1 + 200 characters: the child's id, and its event's name, fit.
    String childId = LONGEST + "/" + "p".repeat(200);
    RunStatus done =
        parents.awaitCompletion(parents.start("x", StartOptions.withRunId(LONGEST)), WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(parents.stepResult(done, "p".repeat(200), String.class).output()).isEqualTo(childId);
    assertThat(leaves.status(childId).status()).isEqualTo(Status.SUCCEEDED);

    // A grandchild's would be 128 + 1 + 200 + 1 + 200 = 530 characters: more than 512.
    parent.child = children;
    child.child = leaves;
    String deep = "b".repeat(128);
    RunStatus failed =
        parents.awaitCompletion(parents.start("y", StartOptions.withRunId(deep)), WAIT);
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    String deepChild = deep + "/" + "p".repeat(200);
    RunStatus middle = children.awaitCompletion(deepChild, WAIT);
    assertThat(middle.status()).isEqualTo(Status.FAILED);
    assertThat(middle.error().type()).isEqualTo(ChildWorkflowException.class.getName());
    assertThat(middle.error().message())
        .contains("would be 530 characters long, more than the 512 a run id may have");
  }

  /** A value as the assertion descriptions show it: escaped, like the engine's messages. */
  private static final class IdText {
    static String of(String value) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : value.toCharArray()) {
        b.append(c >= ' ' && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
      }
      return b.append('"').toString();
    }
  }
}

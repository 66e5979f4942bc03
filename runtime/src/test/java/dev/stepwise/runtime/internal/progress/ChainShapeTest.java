package dev.stepwise.runtime.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.Join;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which workflows take the chain completion, which records a step without reading the run. */
class ChainShapeTest {

  private static StepSpec step(String id, String... after) {
    return new StepSpec(id, List.of(after), Join.ALL, RetryPolicy.NONE, null, null, false);
  }

  private static ChainShape shape(StepSpec... steps) {
    return ChainShape.of(new WorkflowGraph("g", "v1", List.of(steps), null, ""));
  }

  @Test
  void aSequenceIsAChainAndNamesTheStepAfterEachStep() {
    ChainShape s = shape(step("c", "b"), step("a"), step("b", "a"));
    assertThat(s.isChain()).isTrue();
    assertThat(s.after("a")).contains("b");
    assertThat(s.after("b")).contains("c");
    assertThat(s.after("c")).isEmpty();
  }

  @Test
  void aSingleStepIsAChainOfOne() {
    ChainShape s = shape(step("only"));
    assertThat(s.isChain()).isTrue();
    assertThat(s.after("only")).isEmpty();
  }

  @Test
  void forksJoinsAndSeveralRootsAreNotChains() {
    assertThat(shape(step("a"), step("b", "a"), step("c", "a")).isChain()).isFalse();
    assertThat(shape(step("a"), step("b"), step("c", "a", "b")).isChain()).isFalse();
    assertThat(shape(step("a"), step("b")).isChain()).isFalse();
  }

  @Test
  void stepsThatWaitRepeatOrFanOutAreNotChains() {
    StepSpec a = step("a");
    assertThat(shape(a, step("b", "a").withDelay(Duration.ofSeconds(1))).isChain()).isFalse();
    assertThat(shape(a, step("b", "a").withEvent("go", null, false)).isChain()).isFalse();
    assertThat(shape(a, step("b", "a").withLoop("more", true, 3)).isChain()).isFalse();
    assertThat(shape(a, step("b", "a").withParallel("a", 2)).isChain()).isFalse();
  }
}

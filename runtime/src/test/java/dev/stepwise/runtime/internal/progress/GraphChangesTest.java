package dev.stepwise.runtime.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.Join;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepFingerprint;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-step decision, without a database: what a change means for a run that reached a step. */
class GraphChangesTest {
  private static final StepFingerprint A = new StepFingerprint("o", "i", "p", "c", "r", "x");

  @Test
  void anUnchangedReachedStep_andFreeChangesElsewhere_letTheRunGoOn() {
    WorkflowGraph deployed = graph(Map.of("a", A, "c", A), step("a"), step("c", "a"));
    assertThat(GraphChanges.refusal(Map.of("a", A, "b", A), deployed, Set.of("a"))).isEmpty();
  }

  @Test
  void everyChangedAspectOfAReachedStep_isNamed() {
    StepFingerprint changed = new StepFingerprint("O", "I", "p", "c", "R", "x");
    WorkflowGraph deployed = graph(Map.of("a", changed), step("a"));
    assertThat(GraphChanges.refusal(Map.of("a", A), deployed, Set.of("a")))
        .hasValue(
            "step \"a\", which the run has reached, changed its output type and had its inputs"
                + " rewired (other @Input/@From sources, paths or types) and changed whether it"
                + " suspends or its @Resume type");
  }

  @Test
  void aRemovedReachedStep_isRefused() {
    WorkflowGraph deployed = graph(Map.of("a", A), step("a"));
    assertThat(GraphChanges.refusal(Map.of("a", A, "b", A), deployed, Set.of("a", "b")))
        .hasValue("step \"b\", which the run has reached, was removed");
  }

  private static WorkflowGraph graph(Map<String, StepFingerprint> fingerprints, StepSpec... steps) {
    return new WorkflowGraph("w", "v2", List.of(steps), null, "", fingerprints);
  }

  private static StepSpec step(String id, String... after) {
    return new StepSpec(id, List.of(after), Join.ALL, RetryPolicy.NONE, null, null, false);
  }
}

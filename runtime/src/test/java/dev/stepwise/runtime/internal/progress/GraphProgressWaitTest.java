package dev.stepwise.runtime.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.Join;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Durable timers in the graph progress: a ready step with a delay waits, and so does the run. */
class GraphProgressWaitTest {
  private static final WorkflowGraph TIMED =
      new WorkflowGraph(
          "g",
          "v1",
          List.of(
              new StepSpec("signup", List.of(), Join.ALL, RetryPolicy.NONE, null, null, false),
              new StepSpec(
                      "remind", List.of("signup"), Join.ALL, RetryPolicy.NONE, null, null, false)
                  .withDelay(Duration.ofHours(24))),
          null,
          "");

  @Test
  void aReadyStepWithADelayWaitsInsteadOfRunning() {
    var r = GraphProgress.advance(TIMED, Map.of("signup", Status.SUCCEEDED));
    assertThat(r.ready()).isEmpty();
    assertThat(r.waiting()).containsExactly("remind");
    assertThat(r.runStatus()).isEqualTo(Status.WAITING);
  }

  @Test
  void aWaitingStepIsNotMadeReadyAgain() {
    var r =
        GraphProgress.advance(TIMED, Map.of("signup", Status.SUCCEEDED, "remind", Status.WAITING));
    assertThat(r.ready()).isEmpty();
    assertThat(r.waiting()).isEmpty();
    assertThat(r.runStatus()).isEqualTo(Status.WAITING);
  }

  @Test
  void aSuspendedStepOutweighsAWaitingOne() {
    assertThat(
            GraphProgress.runStatus(
                TIMED, Map.of("signup", Status.SUSPENDED, "remind", Status.WAITING)))
        .isEqualTo(Status.SUSPENDED);
  }
}

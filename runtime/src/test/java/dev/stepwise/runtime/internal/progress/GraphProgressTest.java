package dev.stepwise.runtime.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.Join;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The join rules of SPEC §2 and the run status, without a database. */
class GraphProgressTest {

  private static StepSpec step(String id, Join join, String... after) {
    return new StepSpec(id, List.of(after), join, RetryPolicy.NONE, null, null, false);
  }

  private static StepSpec step(String id, String... after) {
    return step(id, Join.ALL, after);
  }

  private static WorkflowGraph graph(StepSpec... steps) {
    return new WorkflowGraph("g", "v1", List.of(steps), null, "");
  }

  // a -> (b, c) -> d
  private static final WorkflowGraph DIAMOND =
      graph(step("a"), step("b", "a"), step("c", "a"), step("d", "b", "c"));

  @Test
  void forkMakesBothBranchesReady() {
    var r = GraphProgress.advance(DIAMOND, Map.of("a", Status.SUCCEEDED));
    assertThat(r.ready()).containsExactly("b", "c");
    assertThat(r.runStatus()).isEqualTo(Status.RUNNING);
  }

  @Test
  void joinWaitsForEveryPredecessor() {
    var r =
        GraphProgress.advance(
            DIAMOND, Map.of("a", Status.SUCCEEDED, "b", Status.SUCCEEDED, "c", Status.RUNNING));
    assertThat(r.ready()).isEmpty();
    assertThat(r.skipped()).isEmpty();
  }

  @Test
  void joinIsReadyOnceAndNotAgainWhenItHasARow() {
    Map<String, Status> done =
        Map.of("a", Status.SUCCEEDED, "b", Status.SUCCEEDED, "c", Status.SUCCEEDED);
    assertThat(GraphProgress.advance(DIAMOND, done).ready()).containsExactly("d");
    var withRow = new java.util.HashMap<>(done);
    withRow.put("d", Status.RUNNING);
    assertThat(GraphProgress.advance(DIAMOND, withRow).ready()).isEmpty();
  }

  @Test
  void allJoinIsSkippedWhenAnyPredecessorSkippedAndTheSkipPropagates() {
    WorkflowGraph g =
        graph(step("a"), step("b", "a"), step("c", "a"), step("d", "b", "c"), step("e", "d"));
    var r =
        GraphProgress.advance(
            g, Map.of("a", Status.SUCCEEDED, "b", Status.SKIPPED, "c", Status.SUCCEEDED));
    assertThat(r.ready()).isEmpty();
    assertThat(r.skipped()).containsExactly("d", "e");
    assertThat(r.runStatus()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void skipPropagatesRegardlessOfDeclarationOrder() {
    WorkflowGraph g = graph(step("e", "d"), step("d", "b"), step("b", "a"), step("a"));
    var r = GraphProgress.advance(g, Map.of("a", Status.SUCCEEDED, "b", Status.SKIPPED));
    assertThat(r.skipped()).containsExactlyInAnyOrder("d", "e");
  }

  @Test
  void anyJoinRunsWhenOneBranchSucceededAndTheOtherWasSkipped() {
    WorkflowGraph g =
        graph(step("a"), step("yes", "a"), step("no", "a"), step("merge", Join.ANY, "yes", "no"));
    var r =
        GraphProgress.advance(
            g, Map.of("a", Status.SUCCEEDED, "yes", Status.SKIPPED, "no", Status.SUCCEEDED));
    assertThat(r.ready()).containsExactly("merge");
  }

  @Test
  void anyJoinWaitsForAllPredecessorsAndIsSkippedWhenAllSkipped() {
    WorkflowGraph g =
        graph(step("a"), step("yes", "a"), step("no", "a"), step("merge", Join.ANY, "yes", "no"));
    assertThat(
            GraphProgress.advance(
                    g, Map.of("a", Status.SUCCEEDED, "yes", Status.SUCCEEDED, "no", Status.RUNNING))
                .ready())
        .isEmpty();
    var r =
        GraphProgress.advance(
            g, Map.of("a", Status.SUCCEEDED, "yes", Status.SKIPPED, "no", Status.SKIPPED));
    assertThat(r.skipped()).containsExactly("merge");
    assertThat(r.runStatus()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void nothingNewStartsAfterAFailure() {
    var r =
        GraphProgress.advance(
            DIAMOND, Map.of("a", Status.SUCCEEDED, "b", Status.FAILED, "c", Status.SUCCEEDED));
    assertThat(r.ready()).isEmpty();
    assertThat(r.runStatus()).isEqualTo(Status.FAILED);
  }

  @Test
  void runIsSuspendedOnlyWhenNothingIsPendingOrRunning() {
    WorkflowGraph g = graph(step("a"), step("b"), step("c", "a"));
    assertThat(
            GraphProgress.advance(g, Map.of("a", Status.SUSPENDED, "b", Status.RUNNING))
                .runStatus())
        .isEqualTo(Status.RUNNING);
    assertThat(
            GraphProgress.advance(g, Map.of("a", Status.SUSPENDED, "b", Status.SUCCEEDED))
                .runStatus())
        .isEqualTo(Status.SUSPENDED);
  }

  @Test
  void runSucceedsWhenEveryStepIsTerminal() {
    var r =
        GraphProgress.advance(
            DIAMOND,
            Map.of(
                "a",
                Status.SUCCEEDED,
                "b",
                Status.SUCCEEDED,
                "c",
                Status.SUCCEEDED,
                "d",
                Status.SUCCEEDED));
    assertThat(r.runStatus()).isEqualTo(Status.SUCCEEDED);
  }
}

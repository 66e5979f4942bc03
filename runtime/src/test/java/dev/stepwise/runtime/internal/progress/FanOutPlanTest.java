package dev.stepwise.runtime.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.Join;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which fan-outs start, and how many of their elements, as the graph advances. */
class FanOutPlanTest {

  private static StepSpec step(String id, String... after) {
    return new StepSpec(id, List.of(after), Join.ALL, RetryPolicy.NONE, null, null, false);
  }

  // list -> each (over list) -> done
  private static WorkflowGraph graph(int maxConcurrency) {
    return new WorkflowGraph(
        "g",
        "v1",
        List.of(
            step("list"),
            step("each", "list").withParallel("list", maxConcurrency),
            step("done", "each")),
        null,
        "");
  }

  private static FanOutPlan planAfterList(WorkflowGraph graph, String listJson) {
    Map<String, Status> statuses = new HashMap<>(Map.of("list", Status.SUCCEEDED));
    Map<String, String> outputs = new HashMap<>();
    outputs.put("list", listJson);
    return FanOutPlan.of(graph, statuses, outputs);
  }

  @Test
  void aFanOutOverAListStartsWithItsElementCountAndIsNotReadyAsAPlainStep() {
    FanOutPlan plan = planAfterList(graph(0), "[1,2,3]");
    assertThat(plan.started()).containsExactly(Map.entry("each", 3));
    assertThat(plan.progress().ready()).isEmpty();
    assertThat(plan.empty()).isEmpty();
  }

  @Test
  void anEmptyListSucceedsAtOnceWithAnEmptyArrayAndTheGraphAdvancesPastIt() {
    Map<String, Status> statuses = new HashMap<>(Map.of("list", Status.SUCCEEDED));
    Map<String, String> outputs = new HashMap<>(Map.of("list", "[]"));
    FanOutPlan plan = FanOutPlan.of(graph(0), statuses, outputs);
    assertThat(plan.empty()).containsExactly("each");
    assertThat(plan.started()).isEmpty();
    assertThat(plan.progress().ready()).containsExactly("done");
    assertThat(statuses).containsEntry("each", Status.SUCCEEDED);
    assertThat(outputs).containsEntry("each", "[]");
  }

  @Test
  void aNullListFansOutOverNothing() {
    FanOutPlan plan = planAfterList(graph(0), null);
    assertThat(plan.empty()).containsExactly("each");
    assertThat(plan.progress().ready()).containsExactly("done");
  }

  @Test
  void aListThatIsNotAJsonArrayIsAnError() {
    assertThatThrownBy(() -> planAfterList(graph(0), "{\"a\":1}"))
        .isInstanceOf(StepwiseException.class)
        .hasMessageContaining("not a JSON array");
  }

  @Test
  void maxConcurrencyLimitsHowManyElementsStart() {
    StepSpec each = graph(2).step("each").orElseThrow();
    assertThat(FanOutPlan.firstElements(each, 5)).isEqualTo(2);
    assertThat(FanOutPlan.firstElements(each, 1)).isEqualTo(1);
  }

  @Test
  void noMaxConcurrencyStartsEveryElement() {
    StepSpec each = graph(0).step("each").orElseThrow();
    assertThat(FanOutPlan.firstElements(each, 5)).isEqualTo(5);
  }

  @Test
  void anElementIsReadAsJsonAndAMissingIndexIsAnError() {
    assertThat(FanOutList.element("[{\"a\":1},\"x\"]", "each", 1)).isEqualTo("\"x\"");
    assertThatThrownBy(() -> FanOutList.element("[1]", "each", 1))
        .isInstanceOf(StepwiseException.class)
        .hasMessageContaining("has no element 1; the list has 1");
  }
}

package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Join;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Mastra's if/else with a merge, and a nested if/else inside the "then" branch: {@code classify},
 * then {@code big} (if n >= 100) or {@code small} (else); inside big, {@code huge} (if n >= 1000)
 * or {@code moderate} (else); {@code merge} joins every leaf with {@code join = ANY}, and {@code
 * report} follows the merge.
 */
@Workflow(name = "it-branch", result = "report")
public class BranchFlow {
  /** The step ids in the order they executed. */
  public final List<String> executed = new CopyOnWriteArrayList<>();

  @Step
  int classify(@Input Integer n) {
    executed.add("classify");
    return n;
  }

  @Step(when = "isBig")
  @After("classify")
  String big(@From("classify") int n) {
    executed.add("big");
    return "big";
  }

  @Step(unless = "isBig")
  @After("classify")
  String small(@From("classify") int n) {
    executed.add("small");
    return "small";
  }

  @Step(when = "isHuge")
  @After("big")
  String huge(@From("big") Optional<String> big) {
    // Optional because big can be skipped; under join ALL this step is then skipped too.
    executed.add("huge");
    return big.orElseThrow() + "/huge";
  }

  @Step(unless = "isHuge")
  @After("big")
  String moderate(@From("big") Optional<String> big) {
    executed.add("moderate");
    return big.orElseThrow() + "/moderate";
  }

  @Step
  @After(
      value = {"huge", "moderate", "small"},
      join = Join.ANY)
  String merge(
      @From("huge") Optional<String> huge,
      @From("moderate") Optional<String> moderate,
      @From("small") Optional<String> small) {
    executed.add("merge");
    return huge.or(() -> moderate).or(() -> small).orElseThrow();
  }

  @Step
  @After("merge")
  String report(@From("merge") Optional<String> merged, @Input Integer n) {
    executed.add("report");
    return n + " is " + merged.orElseThrow();
  }

  @Condition
  boolean isBig(@Input Integer n) {
    return n >= 100;
  }

  @Condition
  boolean isHuge(@Input Integer n) {
    return n >= 1000;
  }
}

package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Join;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.Optional;

/**
 * Mastra's conditions on a step's status and on its output, with nested and/or, written as
 * {@code @Condition} methods. {@code check} runs only for a positive amount, so its status is
 * SUCCEEDED or SKIPPED; {@code nested} runs when "check succeeded AND (amount > 100 OR priority is
 * high)"; {@code fallback} runs when "check was skipped OR (amount is 0 AND NOT high)".
 */
@Workflow(name = "it-conditions")
public class ConditionsFlow {

  /** The input: an amount and a priority. */
  public record Request(int amount, String priority) {}

  @Step
  Request start(@Input Request request) {
    return request;
  }

  @Step(when = "isPositive")
  @After("start")
  String check(@From(value = "start", path = "amount") int amount) {
    return "checked " + amount;
  }

  @Step(when = "checkedAndLargeOrHigh")
  @After(
      value = {"start", "check"},
      join = Join.ANY)
  String nested(@From("check") Optional<String> check) {
    return "nested after " + check.orElseThrow();
  }

  @Step(when = "skippedOrZeroAndNotHigh")
  @After(
      value = {"start", "check"},
      join = Join.ANY)
  String fallback(@From("start") Request request) {
    return "fallback for " + request.amount();
  }

  @Condition
  boolean isPositive(@Input Request request) {
    return request.amount() > 0;
  }

  @Condition
  boolean checkedAndLargeOrHigh(
      @From("check") Optional<String> check, @From("start") Request request) {
    // status(check) == SUCCEEDED && (output.amount > 100 || output.priority == "high")
    return check.isPresent() && (request.amount() > 100 || "high".equals(request.priority()));
  }

  @Condition
  boolean skippedOrZeroAndNotHigh(
      @From("check") Optional<String> check, @From("start") Request request) {
    // status(check) == SKIPPED || (amount == 0 && !(priority == "high"))
    return check.isEmpty() || (request.amount() == 0 && !"high".equals(request.priority()));
  }
}

package dev.stepwise.bench.validation;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

/** Exists so the processor generates {@code BenchOrderValidator}; never run. */
@Workflow(name = "bench-order")
public class BenchOrderWorkflow {
  @Step
  int lines(@Input BenchOrder order) {
    return order.lines().size();
  }
}

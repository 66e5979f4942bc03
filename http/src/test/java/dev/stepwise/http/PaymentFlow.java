package dev.stepwise.http;

import dev.stepwise.Join;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.StepOptions;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Boundary;
import dev.stepwise.runtime.spi.validation.Contract;
import dev.stepwise.runtime.spi.validation.Validator;
import dev.stepwise.runtime.spi.validation.Validators;
import java.util.List;

/** One step, {@code book}, that waits for a {@code paid} event carrying a {@link Paid}. */
final class PaymentFlow implements WorkflowDefinition {
  record Paid(long amount) {}

  static final Validator<Paid> PAID =
      (paid, out) -> {
        if (paid.amount() < 1) {
          out.add("amount", "must be greater than or equal to 1");
        }
      };

  static final StepOptions WAITS_FOR_PAID =
      new StepOptions(null, null, null, 0, null, true, 0, "paid", null, false, false, null);

  static final WorkflowGraph GRAPH =
      new WorkflowGraph(
          "payment",
          "payment-v1",
          List.of(
              new StepSpec(
                  "book",
                  List.of(),
                  Join.ALL,
                  RetryPolicy.NONE,
                  null,
                  null,
                  false,
                  WAITS_FOR_PAID)),
          "book",
          "flowchart TD");

  static final List<Contract<?>> CONTRACTS =
      List.of(
          new Contract<String>(
              Boundary.input(), String.class, Validators.none(), "{\"type\": \"string\"}"),
          new Contract<Paid>(
              Boundary.event("paid"),
              Paid.class,
              PAID,
              "{\"type\": \"object\", \"properties\": {\"amount\": {\"type\": \"integer\"}}}"));

  @Override
  public WorkflowGraph graph() {
    return GRAPH;
  }

  @Override
  public List<Contract<?>> contracts() {
    return CONTRACTS;
  }

  @Override
  public Object invokeStep(String stepId, StepInvocation in) {
    return "booked " + in.event(Paid.class).amount();
  }

  @Override
  public boolean evaluateCondition(String name, StepInvocation in) {
    throw new IllegalArgumentException("unknown condition " + name);
  }
}

package dev.stepwise.runtime.validation;

import dev.stepwise.Join;
import dev.stepwise.runtime.StepContext;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Boundary;
import dev.stepwise.runtime.spi.validation.Contract;
import dev.stepwise.runtime.spi.validation.Validator;
import java.util.List;
import java.util.Optional;

/**
 * price -> approve (suspends for a {@link Decision}); with the contracts the processor would
 * generate for them, written by hand so the engine's validation hooks are tested on their own.
 */
final class ValidatedFlow {
  enum Size {
    SMALL,
    LARGE
  }

  record Order(String customer, int quantity, Size size) {}

  record Price(long cents) {}

  record Decision(String by) {}

  static final Validator<Order> ORDER =
      (order, out) -> {
        if (order.customer() == null || order.customer().isBlank()) {
          out.add("customer", "must not be blank");
        }
        if (order.quantity() < 1) {
          out.add("quantity", "must be greater than or equal to 1");
        }
      };

  static final Validator<Price> PRICE =
      (price, out) -> {
        if (price.cents() < 0) {
          out.add("cents", "must be greater than or equal to 0");
        }
      };

  static final Validator<Decision> DECISION =
      (decision, out) -> {
        if (decision.by() == null || decision.by().isBlank()) {
          out.add("by", "must not be blank");
        }
      };

  static final String ORDER_SCHEMA =
      """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": "#/$defs/Order",
        "$defs": {
          "Order": {
            "type": "object",
            "title": "Order",
            "properties": {
              "customer": {"type": "string", "minLength": 1},
              "quantity": {"type": "integer", "minimum": 1},
              "size": {"type": ["string", "null"], "enum": ["SMALL", "LARGE", null]}
            },
            "required": ["customer", "quantity"],
            "additionalProperties": false
          }
        }
      }
      """;

  static final String DECISION_SCHEMA =
      """
      {
        "type": "object",
        "title": "Decision",
        "properties": {"by": {"type": "string", "minLength": 1}},
        "required": ["by"],
        "additionalProperties": false
      }
      """;

  static final String PRICE_SCHEMA =
      """
      {"type": "object", "properties": {"cents": {"type": "integer"}}}
      """;

  /** What the processor would generate for this flow. */
  static final class Definition implements WorkflowDefinition {
    static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "validated",
            "validated-v1",
            List.of(
                new StepSpec("price", List.of(), Join.ALL, RetryPolicy.NONE, null, null, false),
                new StepSpec(
                    "approve", List.of("price"), Join.ALL, RetryPolicy.NONE, null, null, true)),
            "approve",
            "flowchart TD");

    static final List<Contract<?>> CONTRACTS =
        List.of(
            new Contract<Order>(Boundary.input(), Order.class, ORDER, ORDER_SCHEMA),
            new Contract<Price>(Boundary.output("price"), Price.class, PRICE, PRICE_SCHEMA),
            new Contract<Decision>(
                Boundary.resume("approve"), Decision.class, DECISION, DECISION_SCHEMA));

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
      return switch (stepId) {
        // A customer called "refund" makes the step return a negative price: a broken output.
        case "price" -> {
          Order order = in.input(Order.class);
          int sign = order.customer().equals("refund") ? -1 : 1;
          yield new Price(sign * 100L * order.quantity());
        }
        case "approve" -> approve(in.resumePayload(Decision.class), in.context());
        default -> throw new IllegalArgumentException("unknown step " + stepId);
      };
    }

    private static String approve(Optional<Decision> decision, StepContext ctx) {
      return decision.map(d -> "approved by " + d.by()).orElseGet(() -> ctx.suspend("approve"));
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      throw new IllegalArgumentException("unknown condition " + name);
    }
  }
}

package dev.stepwise.http;

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
 * price -> approve (suspends until a {@link Decision}) -> ship; with the input and resume contracts
 * the processor would generate, written by hand.
 */
final class OrderFlow {
  record Order(String customer, int quantity) {}

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
            "properties": {
              "customer": {"type": "string", "minLength": 1},
              "quantity": {"type": "integer", "minimum": 1}
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
        "properties": {"by": {"type": "string", "minLength": 1}},
        "required": ["by"],
        "additionalProperties": false
      }
      """;

  /** What the processor would generate. */
  static final class Definition implements WorkflowDefinition {
    static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "order",
            "order-v1",
            List.of(
                step("price", false),
                step("approve", true, "price"),
                step("ship", false, "approve")),
            "ship",
            "flowchart TD\n  price --> approve --> ship");

    static final List<Contract<?>> CONTRACTS =
        List.of(
            new Contract<Order>(Boundary.input(), Order.class, ORDER, ORDER_SCHEMA),
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
        case "price" -> 100L * in.input(Order.class).quantity();
        case "approve" -> approve(in.resumePayload(Decision.class), in.context());
        case "ship" -> "shipped, " + in.output("approve", String.class);
        default -> throw new IllegalArgumentException("unknown step " + stepId);
      };
    }

    private static String approve(Optional<Decision> decision, StepContext ctx) {
      return decision
          .map(d -> "approved by " + d.by())
          .orElseGet(() -> ctx.suspend("needs a manager's decision"));
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      throw new IllegalArgumentException("unknown condition " + name);
    }
  }

  static StepSpec step(String id, boolean suspendable, String... after) {
    return new StepSpec(id, List.of(after), Join.ALL, RetryPolicy.NONE, null, null, suspendable);
  }

  private OrderFlow() {}
}

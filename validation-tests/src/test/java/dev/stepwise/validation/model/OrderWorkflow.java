package dev.stepwise.validation.model;

import dev.stepwise.After;
import dev.stepwise.Input;
import dev.stepwise.Resume;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An order with lines, an optional billing address and free-form attributes, and a manager's
 * approval it suspends for: the shapes the JSON entry points must refuse cleanly (issue 11).
 */
@Workflow(name = "orders")
public class OrderWorkflow {

  /** How urgent an order is. */
  public enum Priority {
    LOW,
    HIGH
  }

  /** One order line: a record inside a list, with integer and decimal components. */
  public record Line(
      @NotBlank String sku,
      @Min(1) @Max(1000) int quantity,
      @PositiveOrZero long unitCents,
      @DecimalMin("0") BigDecimal weightKg,
      double discount) {}

  /** A nullable nested record with two required components. */
  public record Billing(
      @NotBlank String street, @NotBlank String city, @Pattern(regexp = "\\d{5}") String zip) {}

  /** The input. */
  public record Order(
      @NotBlank String customer,
      @NotEmpty @Valid List<Line> lines,
      @Valid Billing billing,
      Map<String, String> attributes,
      Priority priority,
      String note) {}

  /** The resume payload of {@code approve}. */
  public record Approval(
      @NotBlank String by, @Valid List<Line> changes, Map<String, @Min(0) Integer> limits) {}

  @Step
  Order receive(@Input Order order) {
    return order;
  }

  @Step
  @After("receive")
  Approval approve(@Resume Optional<Approval> approval, StepContext ctx) {
    return approval.orElseGet(() -> ctx.suspend("needs a manager's approval"));
  }
}

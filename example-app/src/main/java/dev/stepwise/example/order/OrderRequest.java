package dev.stepwise.example.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;

/** What a customer ordered: the input of {@link OrderWorkflow}. */
public record OrderRequest(
    @NotBlank String orderId,
    @NotBlank @Email String customer,
    @NotEmpty @Valid List<Item> items,
    @NotNull @Valid Address address) {

  /** One order line. */
  public record Item(
      @NotBlank String sku, @Min(1) int quantity, @PositiveOrZero long unitPriceCents) {}

  /** The order's total in cents. */
  public long totalCents() {
    return items.stream().mapToLong(i -> i.quantity() * i.unitPriceCents()).sum();
  }
}

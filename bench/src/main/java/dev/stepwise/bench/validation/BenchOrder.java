package dev.stepwise.bench.validation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A typical workflow input: a few scalar constraints, a cascaded list, a map. */
public record BenchOrder(
    @NotNull UUID id,
    @NotBlank @Size(max = 80) String customer,
    @Email String email,
    @NotEmpty @Size(max = 50) @Valid List<Line> lines,
    Map<String, @NotBlank String> attributes) {

  /** One order line. */
  public record Line(
      @NotBlank @Pattern(regexp = "[A-Z]{3}-\\d{4}") String sku,
      @Min(1) @Max(99) int quantity,
      @NotNull @DecimalMin(value = "0.00", inclusive = false) BigDecimal price) {}
}

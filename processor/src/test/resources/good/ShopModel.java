package com.acme.shop;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A representative validated model: constraints, nesting, collections, enums, recursion. */
public final class ShopModel {
  private ShopModel() {}

  public enum Priority {
    LOW,
    HIGH
  }

  public record Order(
      @NotNull UUID id,
      @NotBlank @Size(max = 40) String customer,
      @Email String email,
      @NotEmpty @Valid List<Line> lines,
      Set<@Pattern(regexp = "[a-z]+") String> tags,
      Map<String, @Min(0) Integer> stock,
      @Future LocalDate deliverBy,
      Priority priority,
      @Valid Category category,
      Optional<@Size(min = 2) String> note) {}

  public record Line(
      @NotBlank @Pattern(regexp = "[A-Z]{3}-\\d+") String sku,
      @Min(1) @Max(99) int quantity,
      @NotNull @DecimalMin(value = "0.00", inclusive = false) BigDecimal price) {}

  public record Category(@NotBlank String name, @Valid List<Category> children) {}

  public record Receipt(@Positive long total, @Valid Order order) {}
}

package dev.stepwise.example.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A delivery address. */
public record Address(
    @NotBlank String street, @NotBlank String city, @Pattern(regexp = "[A-Z]{2}") String country) {}

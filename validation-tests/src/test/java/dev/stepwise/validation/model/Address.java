package dev.stepwise.validation.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Nested, validated only where it is marked {@code @Valid}. */
public record Address(@NotBlank String street, @Pattern(regexp = "\\d{5}") String zip) {}

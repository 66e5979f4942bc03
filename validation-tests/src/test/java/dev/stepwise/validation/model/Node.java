package dev.stepwise.validation.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/** A recursive type. */
public record Node(@NotBlank String label, @Valid List<Node> children) {}

package dev.stepwise.bench.stepwise;

/**
 * The input of {@link ParallelWorkflow}: the run's unique id and how many elements its fan-out has.
 */
public record ParallelInput(String id, int size) {}

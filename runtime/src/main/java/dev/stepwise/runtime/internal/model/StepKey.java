package dev.stepwise.runtime.internal.model;

/** The key of a step row: its run and its row id (a step id, or an element or iteration id). */
public record StepKey(String runId, String stepId) {}

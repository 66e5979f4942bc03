package dev.stepwise.runtime;

import java.time.Instant;

/**
 * One run in a list: its row, without its steps (a list of a thousand runs is one statement).
 *
 * @param failedStep the step that failed the run, or null
 * @param errorType the type of that step's error, or null
 * @param forkedFrom for a forked run, {@code "<source run id>@<step>"}; else null
 */
public record RunSummary(
    String runId,
    String workflow,
    Status status,
    String idempotencyKey,
    String failedStep,
    String errorType,
    Instant createdAt,
    Instant updatedAt,
    String forkedFrom) {}

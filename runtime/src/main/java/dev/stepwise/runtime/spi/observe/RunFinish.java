package dev.stepwise.runtime.spi.observe;

import dev.stepwise.runtime.Status;
import java.time.Duration;

/**
 * A run that finished.
 *
 * @param workflow the workflow's name
 * @param runId the run
 * @param status {@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED}
 * @param duration from the run's creation until it finished, suspended time included
 */
public record RunFinish(String workflow, String runId, Status status, Duration duration) {}

package dev.stepwise.runtime;

import java.time.Instant;

/**
 * The error of one failed attempt of a step, kept besides the latest error on its {@link
 * StepStatus}: the first {@code 20} failed attempts of each step are kept.
 *
 * @param attempt the attempt's number (counting again from 1 after the run was retried)
 * @param failedAt when it failed
 * @param error what it threw
 */
public record AttemptError(int attempt, Instant failedAt, StepError error) {}

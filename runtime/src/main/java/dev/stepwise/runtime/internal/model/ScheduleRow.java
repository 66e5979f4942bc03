package dev.stepwise.runtime.internal.model;

import java.time.Instant;

/**
 * One row of {@code sw_schedules}: a cron schedule and where it stands.
 *
 * @param nextTick the first tick not started yet; null while paused, or when the expression never
 *     fires again
 * @param lastTick the tick of the last run the schedule started; null before the first
 * @param lastRunId the id of that run; null before the first
 */
public record ScheduleRow(
    String name,
    String workflow,
    String cron,
    String zone,
    boolean paused,
    Instant nextTick,
    Instant lastTick,
    String lastRunId) {}

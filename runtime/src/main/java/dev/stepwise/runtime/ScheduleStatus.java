package dev.stepwise.runtime;

import java.time.Instant;

/**
 * Where a cron schedule ({@code @Schedule}) stands, as stored: shared by every node.
 *
 * @param name the schedule's name
 * @param workflow the workflow it starts
 * @param cron its cron expression
 * @param zone the time zone the expression is read in
 * @param paused true while paused: it starts nothing until resumed
 * @param nextTick the next tick it will start; null while paused, or if the expression never fires
 *     again
 * @param lastTick the tick of the last run it started (for a trigger, when it was triggered); null
 *     before the first
 * @param lastRunId the id of that run; null before the first
 */
public record ScheduleStatus(
    String name,
    String workflow,
    String cron,
    String zone,
    boolean paused,
    Instant nextTick,
    Instant lastTick,
    String lastRunId) {}

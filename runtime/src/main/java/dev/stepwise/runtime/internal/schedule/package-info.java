/**
 * Cron schedules ({@code @Schedule}): the ticks of an expression ({@code CronTicks}), which ticks a
 * due schedule starts ({@code TickPlan}, pure), firing them under the schedule row's lock ({@code
 * TickFiring}), the node's schedule thread ({@code ScheduleKeeper}) and the public {@code
 * Schedules} on the rows ({@code ScheduleControl}). The SQL is in {@code store.ScheduleRows}; runs
 * start through the workflows' registered clients.
 */
package dev.stepwise.runtime.internal.schedule;

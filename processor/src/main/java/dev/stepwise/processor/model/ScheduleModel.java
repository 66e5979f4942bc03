package dev.stepwise.processor.model;

import javax.lang.model.element.AnnotationMirror;

/**
 * One {@code @Schedule} of a workflow, with valid values: what its {@code ScheduleSpec} is
 * generated from.
 *
 * @param mirror the {@code @Schedule}, also when written inside {@code @Schedules}
 * @param name the schedule's name: as written, else the workflow's name
 * @param named whether the name was written
 * @param cron the cron expression as written (five or six fields)
 * @param zone the time zone id
 * @param catchUp whether missed ticks are started ({@code Missed.CATCH_UP})
 * @param catchUpLimit the most missed ticks started after a downtime
 * @param toleranceMillis how late a tick may start and still count as on time
 */
public record ScheduleModel(
    AnnotationMirror mirror,
    String name,
    boolean named,
    String cron,
    String zone,
    boolean catchUp,
    int catchUpLimit,
    long toleranceMillis) {}

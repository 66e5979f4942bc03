package dev.stepwise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts the workflow on a cron schedule, exactly once per tick across all nodes. The workflow's
 * input is the tick's time ({@code java.time.Instant}); the run id is {@code "<schedule
 * name>@<tick>"}, so a tick can never start twice.
 *
 * <pre>{@code
 * @Workflow(name = "nightly-report")
 * @Schedule(cron = "0 3 * * *", zone = "Europe/Paris", onMissed = Missed.CATCH_UP, catchUp = 3)
 * class NightlyReport { @Step Report build(@Input Instant tick) { ... } }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
@Repeatable(Schedules.class)
public @interface Schedule {
  /**
   * The schedule's name, unique in the application; empty means the workflow's name (a workflow
   * with more than one schedule names them).
   */
  String name() default "";

  /**
   * A cron expression: five fields (minute hour day-of-month month day-of-week) or six with seconds
   * first.
   */
  String cron();

  /** The time zone the expression is read in, as a {@code java.time.ZoneId}. */
  String zone() default "UTC";

  /** What happens to ticks missed while no node was running. */
  Missed onMissed() default Missed.SKIP;

  /** With {@link Missed#CATCH_UP}: the most missed ticks started after a downtime. */
  int catchUp() default 10;

  /**
   * How late a tick may start and still count as on time; a tick found later than this was missed
   * (an integer and a unit: {@code 30s}, {@code 5m}).
   */
  String tolerance() default "1m";
}

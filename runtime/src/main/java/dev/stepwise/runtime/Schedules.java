package dev.stepwise.runtime;

import java.util.List;
import java.util.Optional;

/**
 * The cron schedules of the application ({@code @Schedule}), from {@link Stepwise#schedules()}. A
 * schedule's row is stored when an engine that registered its workflow starts; every node that
 * registered the workflow fires its ticks, exactly once per tick in all. A pause or resume on one
 * node holds for all of them.
 */
public interface Schedules {

  /** Every stored schedule, by name, including those of workflows registered on other nodes. */
  List<ScheduleStatus> list();

  /** The schedule with this name, if it is stored. */
  Optional<ScheduleStatus> find(String name);

  /**
   * Stops the schedule's ticks on every node until {@link #resume}; runs it started go on.
   *
   * @throws StepwiseException if no schedule has this name
   */
  void pause(String name);

  /**
   * Starts the schedule's ticks again from now: ticks that passed while it was paused are not
   * caught up, whatever its missed-tick policy.
   *
   * @throws StepwiseException if no schedule has this name
   */
  void resume(String name);

  /**
   * Starts one run of the schedule's workflow now, also while it is paused, with the current time
   * as its input and {@code "<name>@<now>"} as its run id; returns that id. It changes no tick.
   *
   * @throws StepwiseException if no schedule has this name, or its workflow is not registered on
   *     this node
   */
  String triggerNow(String name);

  /**
   * Deletes the stored schedule of a workflow whose code no longer declares it (a schedule removed
   * from the code stays listed, and fired by no node, until deleted). A schedule an engine declares
   * comes back when that engine starts, so one this engine declares is refused.
   *
   * @throws StepwiseException if no schedule has this name, or this engine declares it
   */
  default void delete(String name) {
    throw new UnsupportedOperationException("this engine does not delete schedules");
  }
}

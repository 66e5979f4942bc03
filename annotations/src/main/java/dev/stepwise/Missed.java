package dev.stepwise;

/** What a {@link Schedule} does with ticks that passed while no node was running. */
public enum Missed {
  /** Missed ticks are not started; the schedule goes on with the next tick. */
  SKIP,
  /** The most recent missed ticks are started, at most {@code Schedule.catchUp()} of them. */
  CATCH_UP
}

package dev.stepwise.chaos.flow;

/**
 * A soak run's input, chosen by the controller from its seed.
 *
 * @param latencyMs how long each step takes (the transactional step half of it, inside its
 *     transaction), so that faults hit steps while they run
 * @param failFirst the id of the step whose first attempt fails by design, or "" for none; only
 *     steps with a retry policy are named, so a run never fails by design
 * @param holdMs how long each queue-limited step of {@link QueuedFlow} holds its slot
 */
public record Job(int latencyMs, String failFirst, int holdMs) {}

package dev.stepwise.runtime;

/**
 * Where a {@link Status#QUEUED} step waits, so that a user can see why it has not started.
 *
 * @param queue the queue's name; for a run waiting for its workflow's {@code maxParallelism},
 *     {@code "workflow/"} and the workflow's name
 * @param concurrencyKey the run's concurrency key, or null
 * @param position 1 for the next to start, counting the due steps (or runs) ahead of it in priority
 *     order, whatever their keys
 */
public record QueuePlace(String queue, String concurrencyKey, int position) {}

/**
 * Pure decisions, with no SQL, no jOOQ and no threads: which steps became ready or skipped and the
 * run's status ({@code GraphProgress}), whether a workflow is a chain ({@code ChainShape}), retry
 * delays ({@code Backoff}), the public status built from rows ({@code RunStatuses}) and the changes
 * between two snapshots ({@code WatchDiff}). Unit-tested without a database.
 */
package dev.stepwise.runtime.internal.progress;

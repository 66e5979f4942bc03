/**
 * Recording what happened, each in one transaction: a step's outcome and what became ready ({@code
 * Completion}, with the group commit of {@code CommitQueue} and the single-statement path of {@code
 * ChainCompletion}), starting runs ({@code RunStarter}), fan-out, loops, events and child runs;
 * then reporting the change ({@code RunChanges}). It tells the node's threads what became due
 * through {@code Wakeups} and takes workers through {@code Permits}, so it never depends on {@code
 * exec}.
 */
package dev.stepwise.runtime.internal.commit;

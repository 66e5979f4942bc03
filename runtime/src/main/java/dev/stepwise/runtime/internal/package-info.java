/**
 * The engine behind {@link dev.stepwise.runtime.Stepwise}; not an API.
 *
 * <p>A run is one row of {@code sw_runs}; every step it reached is one row of {@code sw_steps}, and
 * that row is also the task a worker claims. The parts:
 *
 * <ul>
 *   <li>{@link dev.stepwise.runtime.internal.commit.RunStarter}: the run row and its root steps in
 *       one transaction; idempotent on run id and idempotency key.
 *   <li>{@link dev.stepwise.runtime.internal.exec.Dispatcher}: claims PENDING rows whose {@code
 *       not_before} passed ({@code FOR UPDATE SKIP LOCKED}) for free workers; sleeps on a signal.
 *   <li>{@link dev.stepwise.runtime.internal.exec.StepExecutor}: runs a step outside any
 *       transaction.
 *   <li>{@link dev.stepwise.runtime.internal.commit.Completion}: ONE transaction per step: fenced
 *       step update, run row lock, {@link dev.stepwise.runtime.internal.progress.GraphProgress}
 *       (pure), successor rows, run status. Successors this node has room for are inserted already
 *       leased to it and run without a claim, so the steady state is one commit per step.
 *   <li>{@link dev.stepwise.runtime.internal.exec.LeaseKeeper}: heartbeat of in-flight steps, and
 *       the sweeper that re-queues steps whose lease expired (their node died).
 *   <li>{@link dev.stepwise.runtime.internal.store.RunRepository} and {@link
 *       dev.stepwise.runtime.internal.store.TaskQueue}: every SQL statement, in jOOQ.
 * </ul>
 *
 * <p>Lock order, everywhere: the run row first, then its step rows. The claim, heartbeat and
 * sweeper touch step rows only, and never wait for a run lock.
 */
package dev.stepwise.runtime.internal;

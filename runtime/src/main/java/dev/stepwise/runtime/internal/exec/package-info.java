/**
 * The threads of a node: the dispatcher that claims due steps ({@code Dispatcher}, woken through
 * {@code DispatchSignal}), the worker pool with one permit per thread, the step executor that calls
 * the generated dispatch outside any transaction, step deadlines, the lease keeper (heartbeat and
 * sweeper) and the timer thread. Hands every outcome to {@code commit}.
 */
package dev.stepwise.runtime.internal.exec;

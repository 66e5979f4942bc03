/**
 * Every SQL statement the engine sends, in jOOQ against the generated tables: run rows ({@code
 * RunStore}), step rows ({@code StepStore}, and {@code FanOutRows}, {@code LoopRows}, {@code
 * EventRows} for those constructs), the task queue with its claim, leases and sweeper ({@code
 * TaskQueue}), timers ({@code TimerRows}), status reads ({@code RunReads}), column values ({@code
 * SqlValues}), and the schema and its migrations ({@code Database}). A state transition is a
 * conditional UPDATE whose row count says whether it happened ({@code Transitions}). Depends on
 * nothing of the engine but {@code model}.
 */
package dev.stepwise.runtime.internal.store;

package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/**
 * The contract of loops that carry state on PostgreSQL: skipped when it is unreachable, failed
 * instead when {@code stepwise.requirePostgres=true}.
 */
@StepwiseDatabase(POSTGRES)
class PostgresLoopStateTest extends LoopStateContract {}

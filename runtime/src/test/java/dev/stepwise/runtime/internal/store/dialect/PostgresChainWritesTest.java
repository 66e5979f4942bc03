package dev.stepwise.runtime.internal.store.dialect;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/**
 * The chain writes on PostgreSQL: one statement each. Skipped when PostgreSQL is unreachable,
 * unless {@code stepwise.requirePostgres=true}.
 */
@StepwiseDatabase(POSTGRES)
class PostgresChainWritesTest extends ChainWritesContract {}

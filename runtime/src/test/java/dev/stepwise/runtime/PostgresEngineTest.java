package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/**
 * The engine contract on PostgreSQL. Skipped when PostgreSQL is unreachable, unless {@code
 * stepwise.requirePostgres=true}: then unreachable PostgreSQL fails the build.
 */
@StepwiseDatabase(POSTGRES)
class PostgresEngineTest extends EngineContract {}

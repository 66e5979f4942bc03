package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/** The run-limit contract on PostgreSQL. */
@StepwiseDatabase(POSTGRES)
class PostgresRunLimitTest extends RunLimitContract {}

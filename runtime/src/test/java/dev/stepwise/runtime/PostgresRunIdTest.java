package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/** The run id and idempotency key contract on PostgreSQL. */
@StepwiseDatabase(POSTGRES)
class PostgresRunIdTest extends RunIdContract {}

package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/** The payload size limit contract on PostgreSQL. */
@StepwiseDatabase(POSTGRES)
class PostgresPayloadLimitTest extends PayloadLimitContract {}

package dev.stepwise.validation;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/** The JSON entry points' fuzz campaign on PostgreSQL. */
@StepwiseDatabase(POSTGRES)
class PostgresJsonFuzzTest extends JsonFuzzContract {}

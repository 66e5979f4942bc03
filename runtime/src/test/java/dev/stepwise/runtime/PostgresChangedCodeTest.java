package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/** The changed-code contract on PostgreSQL. */
@StepwiseDatabase(POSTGRES)
class PostgresChangedCodeTest extends ChangedCodeContract {}

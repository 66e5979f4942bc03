package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/** The retention contract on PostgreSQL, with two engines sweeping one database. */
@StepwiseDatabase(POSTGRES)
class PostgresRetentionTest extends RetentionContract {}

package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/** The run-lifecycle contract (retry, kept errors, listing, bulk operations) on PostgreSQL. */
@StepwiseDatabase(POSTGRES)
class PostgresRunLifecycleTest extends RunLifecycleContract {}

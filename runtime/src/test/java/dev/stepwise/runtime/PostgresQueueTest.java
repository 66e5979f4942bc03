package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/** The queue contract on PostgreSQL. */
@StepwiseDatabase(POSTGRES)
class PostgresQueueTest extends QueueContract {}

package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/** The engine clock contract on PostgreSQL. */
@StepwiseDatabase(POSTGRES)
class PostgresClockTest extends ClockContract {}

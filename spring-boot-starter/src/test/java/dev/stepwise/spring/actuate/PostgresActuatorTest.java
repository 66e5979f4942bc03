package dev.stepwise.spring.actuate;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/** The health indicator and endpoint on PostgreSQL. */
@StepwiseDatabase(POSTGRES)
class PostgresActuatorTest extends ActuatorContract {}

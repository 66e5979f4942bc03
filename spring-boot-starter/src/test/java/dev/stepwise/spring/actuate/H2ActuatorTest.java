package dev.stepwise.spring.actuate;

import static dev.stepwise.testing.DatabaseKind.H2;

import dev.stepwise.testing.StepwiseDatabase;

/** The health indicator and endpoint on an H2 file database. */
@StepwiseDatabase(H2)
class H2ActuatorTest extends ActuatorContract {}

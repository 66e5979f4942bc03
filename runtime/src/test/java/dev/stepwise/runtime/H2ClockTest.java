package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.H2;

import dev.stepwise.testing.StepwiseDatabase;

/** The engine clock contract on H2. */
@StepwiseDatabase(H2)
class H2ClockTest extends ClockContract {}

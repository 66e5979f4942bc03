package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.H2;

import dev.stepwise.testing.StepwiseDatabase;

/** The retention contract on an H2 file database, the embedded default. */
@StepwiseDatabase(H2)
class H2RetentionTest extends RetentionContract {}

package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.H2;

import dev.stepwise.testing.StepwiseDatabase;

/** The changed-code contract on an H2 file database, the embedded default. */
@StepwiseDatabase(H2)
class H2ChangedCodeTest extends ChangedCodeContract {}

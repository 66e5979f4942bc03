package dev.stepwise.runtime.internal.store.dialect;

import static dev.stepwise.testing.DatabaseKind.H2;

import dev.stepwise.testing.StepwiseDatabase;

/** The chain writes on an H2 file database: statements in one transaction. */
@StepwiseDatabase(H2)
class H2ChainWritesTest extends ChainWritesContract {}

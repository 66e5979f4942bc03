package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.H2;

import dev.stepwise.testing.StepwiseDatabase;

/**
 * The run-lifecycle contract (retry, kept errors, listing, bulk operations) on an H2 file database,
 * the embedded default.
 */
@StepwiseDatabase(H2)
class H2RunLifecycleTest extends RunLifecycleContract {}

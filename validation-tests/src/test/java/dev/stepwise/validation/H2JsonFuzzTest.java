package dev.stepwise.validation;

import static dev.stepwise.testing.DatabaseKind.H2;

import dev.stepwise.testing.StepwiseDatabase;

/** The JSON entry points' fuzz campaign on an H2 file database. */
@StepwiseDatabase(H2)
class H2JsonFuzzTest extends JsonFuzzContract {}

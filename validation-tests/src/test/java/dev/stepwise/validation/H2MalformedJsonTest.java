package dev.stepwise.validation;

import static dev.stepwise.testing.DatabaseKind.H2;

import dev.stepwise.testing.StepwiseDatabase;

/** Malformed JSON refused with paths, on an H2 file database. */
@StepwiseDatabase(H2)
class H2MalformedJsonTest extends MalformedJsonContract {}

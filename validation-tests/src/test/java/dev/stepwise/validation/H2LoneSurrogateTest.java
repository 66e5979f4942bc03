package dev.stepwise.validation;

import static dev.stepwise.testing.DatabaseKind.H2;

import dev.stepwise.testing.StepwiseDatabase;

/** Lone surrogates refused, or stored escaped, on an H2 file database. */
@StepwiseDatabase(H2)
class H2LoneSurrogateTest extends LoneSurrogateContract {}

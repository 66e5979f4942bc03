package dev.stepwise.validation;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/** Malformed JSON refused with paths, on PostgreSQL. */
@StepwiseDatabase(POSTGRES)
class PostgresMalformedJsonTest extends MalformedJsonContract {}

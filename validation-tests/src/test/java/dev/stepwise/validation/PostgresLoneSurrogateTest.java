package dev.stepwise.validation;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/** Lone surrogates refused, or stored escaped, on PostgreSQL, which would store them as '?'. */
@StepwiseDatabase(POSTGRES)
class PostgresLoneSurrogateTest extends LoneSurrogateContract {}

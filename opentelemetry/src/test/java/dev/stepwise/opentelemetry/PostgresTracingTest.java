package dev.stepwise.opentelemetry;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

@StepwiseDatabase(POSTGRES)
class PostgresTracingTest extends TracingContract {}

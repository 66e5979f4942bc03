package dev.stepwise.opentelemetry;

import static dev.stepwise.testing.DatabaseKind.H2;

import dev.stepwise.testing.StepwiseDatabase;

@StepwiseDatabase(H2)
class H2TracingTest extends TracingContract {}

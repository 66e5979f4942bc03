package dev.stepwise.micrometer;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

@StepwiseDatabase(POSTGRES)
class PostgresMetricsTest extends MetricsContract {}

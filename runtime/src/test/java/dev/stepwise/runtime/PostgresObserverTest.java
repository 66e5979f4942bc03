package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

@StepwiseDatabase(POSTGRES)
class PostgresObserverTest extends ObserverContract {}

package dev.stepwise.it;

import static dev.stepwise.testing.DatabaseKind.H2;

import dev.stepwise.testing.StepwiseDatabase;

/** Every scenario on an H2 file database, the embedded default. */
@StepwiseDatabase(H2)
class H2ScenariosTest extends ScenarioSuite implements AllScenarios {}

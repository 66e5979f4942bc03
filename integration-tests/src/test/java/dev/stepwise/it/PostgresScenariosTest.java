package dev.stepwise.it;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/**
 * Every scenario on PostgreSQL. Skipped when PostgreSQL is unreachable, unless {@code
 * stepwise.requirePostgres=true}: then an unreachable PostgreSQL fails the build.
 */
@StepwiseDatabase(POSTGRES)
class PostgresScenariosTest extends ScenarioSuite implements AllScenarios {}

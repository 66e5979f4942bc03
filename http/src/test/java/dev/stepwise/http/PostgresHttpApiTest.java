package dev.stepwise.http;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/**
 * The HTTP API's contract on PostgreSQL: skipped when it is unreachable, failed instead when {@code
 * stepwise.requirePostgres=true}.
 */
@StepwiseDatabase(POSTGRES)
class PostgresHttpApiTest extends HttpApiContract {}

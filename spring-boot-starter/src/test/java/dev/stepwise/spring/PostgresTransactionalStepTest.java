package dev.stepwise.spring;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/** Transactional steps with Spring's JdbcTemplate on PostgreSQL. */
@StepwiseDatabase(POSTGRES)
class PostgresTransactionalStepTest extends TransactionalStepContract {}

package dev.stepwise.spring;

import static dev.stepwise.testing.DatabaseKind.H2;

import dev.stepwise.testing.StepwiseDatabase;

/** Transactional steps with Spring's JdbcTemplate on an H2 file database. */
@StepwiseDatabase(H2)
class H2TransactionalStepTest extends TransactionalStepContract {}

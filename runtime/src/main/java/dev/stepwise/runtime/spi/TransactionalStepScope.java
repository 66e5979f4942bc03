package dev.stepwise.runtime.spi;

import java.sql.Connection;

/**
 * Runs around the body of every {@code @Step(transactional = true)}, inside the transaction that
 * records the step, so a framework can hand that transaction's connection to code that finds its
 * connection its own way (Spring's {@code JdbcTemplate}, say): those writes then commit with the
 * step's result, or roll back with it. Set with {@code Stepwise.Builder.transactionalStepScope}.
 */
@FunctionalInterface
public interface TransactionalStepScope {

  /** Runs the body as it is: steps reach their transaction only through their DSLContext. */
  TransactionalStepScope NONE = (connection, body) -> body.run();

  /**
   * Runs {@code body} (the step) once, on the calling thread, while {@code connection} is made
   * known to the framework; it must not commit, roll back or close the connection. What {@code
   * body} throws must propagate; what this method throws itself fails the step and rolls its writes
   * back.
   */
  void run(Connection connection, Runnable body);
}

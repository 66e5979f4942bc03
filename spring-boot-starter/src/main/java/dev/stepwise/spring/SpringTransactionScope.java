package dev.stepwise.spring;

import dev.stepwise.runtime.spi.TransactionalStepScope;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes a transactional step's connection Spring's transaction on the engine's {@link DataSource}
 * while the step runs: {@code JdbcTemplate}, {@code DataSourceUtils} and a {@code
 * TransactionTemplate} or {@code @Transactional} method (propagation REQUIRED, with a {@code
 * DataSourceTransactionManager} on that DataSource) then write in the step's transaction, which
 * commits with the step's result or rolls back with it.
 *
 * <p>Two things a Spring transaction could do are refused, since the step's commit is the engine's:
 * a joined transaction that marked itself rollback-only fails the step (its writes roll back), and
 * so do transaction synchronizations ({@code afterCommit} callbacks, {@code
 * TransactionalEventListener}s) registered in the step, which would otherwise never run.
 */
final class SpringTransactionScope implements TransactionalStepScope {
  private final DataSource dataSource;

  SpringTransactionScope(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void run(Connection connection, Runnable body) {
    if (TransactionSynchronizationManager.hasResource(dataSource)) {
      throw new IllegalStateException(
          "A Spring transaction on the engine's DataSource is already bound to this thread; a"
              + " transactional step must run in the engine's own transaction");
    }
    StepConnectionHolder holder = new StepConnectionHolder(connection);
    TransactionSynchronizationManager.bindResource(dataSource, holder);
    // Active synchronisation, so a joined TransactionTemplate does not run callbacks of its own
    // at its end (before the engine's commit); any that get registered are refused below.
    TransactionSynchronizationManager.initSynchronization();
    TransactionSynchronizationManager.setActualTransactionActive(true);
    try {
      body.run();
      if (!TransactionSynchronizationManager.getSynchronizations().isEmpty()) {
        throw new IllegalStateException(
            "A transactional step registered Spring transaction synchronizations (afterCommit"
                + " callbacks or @TransactionalEventListener events): the engine commits the"
                + " step, and cannot run them; do that work in a later step");
      }
      if (holder.isRollbackOnly()) {
        throw new IllegalStateException(
            "A Spring transaction joined by the transactional step was marked rollback-only; the"
                + " step's writes are rolled back");
      }
    } finally {
      TransactionSynchronizationManager.clearSynchronization();
      TransactionSynchronizationManager.setActualTransactionActive(false);
      TransactionSynchronizationManager.unbindResource(dataSource);
    }
  }

  /** A holder Spring's transaction managers see as an active transaction they may join. */
  private static final class StepConnectionHolder extends ConnectionHolder {
    StepConnectionHolder(Connection connection) {
      super(connection);
      setTransactionActive(true);
      setSynchronizedWithTransaction(true);
    }
  }
}

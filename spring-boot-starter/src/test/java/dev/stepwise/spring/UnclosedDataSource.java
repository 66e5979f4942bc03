package dev.stepwise.spring;

import dev.stepwise.testing.ForwardingDataSource;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * The test class's pool as a bean: not AutoCloseable, so a closing context leaves it open for the
 * next test (Spring closes AutoCloseable beans it did not make).
 */
final class UnclosedDataSource extends ForwardingDataSource {
  UnclosedDataSource(DataSource delegate) {
    super(delegate);
  }

  @Override
  protected Connection wrap(Connection connection) {
    return connection;
  }
}

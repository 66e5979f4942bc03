package dev.stepwise.spring.actuate;

import dev.stepwise.testing.ForwardingDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/** The test's pool, unclosed by the context, that refuses new connections while switched off. */
final class SwitchableDataSource extends ForwardingDataSource {
  private volatile boolean off;

  SwitchableDataSource(DataSource delegate) {
    super(delegate);
  }

  void switchOff() {
    off = true;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (off) {
      throw new SQLTransientConnectionException("switched off by the test", "08001");
    }
    return super.getConnection();
  }

  @Override
  protected Connection wrap(Connection connection) {
    return connection;
  }
}

package dev.stepwise.http;

import dev.stepwise.testing.ForwardingDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/** A DataSource that can be switched off, so a test sees what the API answers in an outage. */
final class SwitchableDataSource extends ForwardingDataSource {
  final AtomicBoolean down = new AtomicBoolean();

  SwitchableDataSource(DataSource target) {
    super(target);
  }

  @Override
  public Connection getConnection() throws SQLException {
    check();
    return super.getConnection();
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    check();
    return super.getConnection(user, password);
  }

  @Override
  protected Connection wrap(Connection connection) {
    return connection;
  }

  private void check() throws SQLException {
    if (down.get()) {
      throw new SQLTransientConnectionException("the database is switched off", "08001");
    }
  }
}

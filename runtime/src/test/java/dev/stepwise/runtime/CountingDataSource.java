package dev.stepwise.runtime;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps a DataSource, records the SQL prepared through its connections and counts the writing
 * transactions committed through them: each {@code commit()}, and each writing statement executed
 * in auto-commit mode (a transaction of its own).
 */
final class CountingDataSource implements DataSource {
  private final DataSource delegate;
  final AtomicInteger commits = new AtomicInteger();

  /** The SQL of every statement prepared through its connections, in order. */
  final List<String> prepared = new CopyOnWriteArrayList<>();

  CountingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  private Connection wrap(Connection c) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("commit")) {
                commits.incrementAndGet();
              }
              if (method.getName().equals("prepareStatement")) {
                prepared.add((String) args[0]);
              }
              try {
                Object result = method.invoke(c, args);
                if (method.getName().equals("prepareStatement") && isWrite((String) args[0])) {
                  return autoCommitCounting(c, (PreparedStatement) result);
                }
                return result;
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static boolean isWrite(String sql) {
    String s = sql.stripLeading().toLowerCase(Locale.ROOT);
    return s.startsWith("insert")
        || s.startsWith("update")
        || s.startsWith("delete")
        || s.startsWith("merge")
        || s.startsWith("with");
  }

  /** Counts the executions of a writing statement made while the connection auto-commits. */
  private PreparedStatement autoCommitCounting(Connection c, PreparedStatement ps) {
    return (PreparedStatement)
        Proxy.newProxyInstance(
            PreparedStatement.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (proxy, method, args) -> {
              if (method.getName().startsWith("execute") && c.getAutoCommit()) {
                commits.incrementAndGet();
              }
              try {
                return method.invoke(ps, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return wrap(delegate.getConnection(user, password));
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}

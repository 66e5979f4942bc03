package dev.stepwise.runtime;

import dev.stepwise.testing.ForwardingDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Wraps a DataSource, records the SQL prepared through its connections and counts the writing
 * transactions committed through them: each {@code commit()}, and each writing statement executed
 * in auto-commit mode (a transaction of its own).
 */
final class CountingDataSource extends ForwardingDataSource {
  final AtomicInteger commits = new AtomicInteger();

  /** The SQL of every statement prepared through its connections, in order. */
  final List<String> prepared = new CopyOnWriteArrayList<>();

  CountingDataSource(DataSource delegate) {
    super(delegate);
  }

  @Override
  protected Connection wrap(Connection c) {
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
}

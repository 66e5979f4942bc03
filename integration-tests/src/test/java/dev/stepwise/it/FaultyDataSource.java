package dev.stepwise.it;

import dev.stepwise.testing.ForwardingDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Wraps a DataSource and, when armed, fails the next statements whose SQL matches as a lost
 * connection does (SQLSTATE 08006): the fault a database restart causes, at a chosen statement.
 */
final class FaultyDataSource extends ForwardingDataSource {
  private final Predicate<String> matches;
  private final AtomicInteger toFail = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();

  /**
   * @param matches which statements fail, given their SQL in lower case
   */
  FaultyDataSource(DataSource delegate, Predicate<String> matches) {
    super(delegate);
    this.matches = matches;
  }

  /** Fails the next {@code n} matching statements. */
  void failNext(int n) {
    toFail.set(n);
  }

  /** How many statements it failed: a test whose fault never fired proves nothing. */
  int failed() {
    return failed.get();
  }

  @Override
  protected Connection wrap(Connection c) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("prepareStatement")
                  && matches.test(((String) args[0]).toLowerCase(Locale.ROOT))
                  && toFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                failed.incrementAndGet();
                throw new SQLException(
                    "injected: the connection to the database was lost", "08006");
              }
              try {
                return method.invoke(c, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}

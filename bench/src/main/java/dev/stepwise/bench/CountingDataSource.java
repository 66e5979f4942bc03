package dev.stepwise.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A HikariCP pool that counts the statements and commits its clients send. It stays a {@link
 * HikariDataSource} because DBOS reads the pool's settings from one (for its LISTEN connection);
 * counting happens in thin proxies around the connections and statements it hands out.
 *
 * <p>A statement run in auto-commit mode is its own transaction and counts as one commit, as it
 * does in {@code pg_stat_database.xact_commit}; so does every explicit {@code commit()}.
 */
public final class CountingDataSource extends HikariDataSource {
  private static final Set<String> EXECUTE =
      Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

  private final LongAdder statements = new LongAdder();
  // Per statement shape, only when asked for (-Dbench.sqlStats=true): for profiling.
  private final Map<String, LongAdder> shapes =
      Boolean.getBoolean("bench.sqlStats") ? new ConcurrentHashMap<>() : null;
  private final LongAdder commits = new LongAdder();
  // Rows and value characters read, counted only while asked for ((p)'s growth): wrapping every
  // result set would add a proxy per row read to every other workload's figures.
  private volatile boolean countingReads;
  private final LongAdder rowsRead = new LongAdder();
  private final LongAdder charsRead = new LongAdder();

  public CountingDataSource(HikariConfig config) {
    super(config);
  }

  /** A pool of {@code size} connections on {@code url}. */
  public static CountingDataSource create(
      String name, String url, String user, String password, int size, String schema) {
    HikariConfig c = new HikariConfig();
    c.setPoolName(name);
    // pgjdbc otherwise configures each new connection with SET statements, each a transaction
    // that pg_stat_database would count against the contestant whose pool opened it.
    c.setJdbcUrl(
        url.startsWith("jdbc:postgresql:") ? withParam(url, "assumeMinServerVersion=15") : url);
    c.setUsername(user);
    c.setPassword(password);
    c.setMaximumPoolSize(size);
    c.setMinimumIdle(size);
    if (schema != null) {
      c.setSchema(schema);
    }
    return new CountingDataSource(c);
  }

  private static String withParam(String url, String param) {
    return url + (url.contains("?") ? "&" : "?") + param;
  }

  /**
   * Executions per statement shape (its first words), most frequent first; empty unless enabled.
   */
  public String shapes() {
    if (shapes == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    shapes.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
        .forEach(e -> out.append(String.format("%8d  %s%n", e.getValue().sum(), e.getKey())));
    return out.toString();
  }

  private void shape(String sql, long n) {
    if (shapes != null && sql != null) {
      String key = sql.replaceAll("\\s+", " ");
      key = key.substring(0, Math.min(90, key.length()));
      shapes.computeIfAbsent(key, k -> new LongAdder()).add(n);
    }
  }

  /** Statements executed so far; a batch counts each of its statements. */
  public long statements() {
    return statements.sum();
  }

  /**
   * From now on counts the rows and value characters the clients read ({@link #rowsRead}, {@link
   * #charsRead}), or stops counting; result sets opened before are not counted.
   */
  public void countReads(boolean on) {
    countingReads = on;
  }

  /** Rows read ({@code ResultSet.next()} that found one) while reads were counted. */
  public long rowsRead() {
    return rowsRead.sum();
  }

  /**
   * Characters (of strings) and bytes (of byte arrays) of the column values read while reads were
   * counted: the size of what was read, not of the wire protocol around it.
   */
  public long charsRead() {
    return charsRead.sum();
  }

  /** Transactions committed so far, as seen from the client. */
  public long commits() {
    return commits.sum();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(super.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(super.getConnection(username, password));
  }

  private Connection wrap(Connection c) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new ConnectionHandler(c));
  }

  private static Object invoke(Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Counts commits and hands out counting statements. */
  private final class ConnectionHandler implements InvocationHandler {
    private final Connection target;

    ConnectionHandler(Connection target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
      Object result = CountingDataSource.invoke(m, target, args);
      switch (m.getName()) {
        case "commit":
          commits.increment();
          shape("COMMIT", 1);
          return result;
        case "createStatement":
          return statement(Statement.class, (Statement) result, null);
        case "prepareStatement":
          return statement(PreparedStatement.class, (Statement) result, (String) args[0]);
        case "prepareCall":
          return statement(CallableStatement.class, (Statement) result, (String) args[0]);
        default:
          return result;
      }
    }

    private Object statement(Class<? extends Statement> type, Statement s, String sql) {
      return Proxy.newProxyInstance(
          type.getClassLoader(), new Class<?>[] {type}, new StatementHandler(target, s, sql));
    }
  }

  /** Counts executions, and a commit for each one run in auto-commit mode. */
  private final class StatementHandler implements InvocationHandler {
    private final Connection connection;
    private final Statement target;
    private final String sql;
    private int batched;
    private String lastBatched;

    StatementHandler(Connection connection, Statement target, String sql) {
      this.connection = connection;
      this.target = target;
      this.sql = sql;
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
      String name = m.getName();
      if (EXECUTE.contains(name)) {
        statements.increment();
        shape(args != null && args.length > 0 ? (String) args[0] : sql, 1);
        countAutoCommit();
      } else if (name.equals("addBatch")) {
        batched++;
        lastBatched = args != null && args.length > 0 ? (String) args[0] : sql;
      } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
        statements.add(batched);
        shape(lastBatched, batched);
        batched = 0;
        countAutoCommit();
      } else if (name.equals("clearBatch")) {
        batched = 0;
      }
      Object result = CountingDataSource.invoke(m, target, args);
      return countingReads && result instanceof ResultSet rs ? countingRows(rs) : result;
    }

    private void countAutoCommit() throws SQLException {
      if (connection.getAutoCommit()) {
        commits.increment();
      }
    }
  }

  private ResultSet countingRows(ResultSet rs) {
    return (ResultSet)
        Proxy.newProxyInstance(
            ResultSet.class.getClassLoader(),
            new Class<?>[] {ResultSet.class},
            new ResultSetHandler(rs));
  }

  /** Counts the rows and the values' characters read through one result set. */
  private final class ResultSetHandler implements InvocationHandler {
    private final ResultSet target;

    ResultSetHandler(ResultSet target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
      Object result = CountingDataSource.invoke(m, target, args);
      if (m.getName().equals("next")) {
        if (Boolean.TRUE.equals(result)) {
          rowsRead.increment();
        }
      } else if (result instanceof String s) {
        charsRead.add(s.length());
      } else if (result instanceof byte[] b) {
        charsRead.add(b.length);
      }
      return result;
    }
  }
}

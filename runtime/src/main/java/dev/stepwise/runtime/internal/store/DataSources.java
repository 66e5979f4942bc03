package dev.stepwise.runtime.internal.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the connection pools the engine owns (and therefore closes). */
public final class DataSources {
  private DataSources() {}

  /**
   * The settings of the embedded H2 file database, after its path in the url. H2 takes them
   * whenever it (re)opens the file, as it does if the pool ever closes all its connections.
   *
   * <ul>
   *   <li>{@code LOCK_TIMEOUT}: a completion may wait for the run row while another node commits.
   *   <li>{@code WRITE_DELAY=0}: each commit is in the file before it returns, so it survives a
   *       killed JVM (see {@link Database}, which sets it too). It also stops H2's background
   *       thread, the only one that compacts the file while it is open, so the file grew without
   *       bound (docs/performance.md, "H2 file size and large values").
   *   <li>{@code RETENTION_TIME=0}: the space of a chunk that no commit needs any more is written
   *       over at once, not only after 45 s. H2 keeps old chunks that long for disks that reorder
   *       writes across a power loss, which the engine does not claim to survive (it does not fsync
   *       a commit either); a killed JVM leaves every completed write with the operating system, so
   *       the newest complete chunk is intact. {@link Database} sets it too, and compacts a sparse
   *       file when the engine closes.
   * </ul>
   */
  static final String H2_FILE_SETTINGS = ";LOCK_TIMEOUT=10000;WRITE_DELAY=0;RETENTION_TIME=0";

  /** A pool on an H2 file database in {@code dir}. */
  public static HikariDataSource h2File(Path dir, int size, Duration timeout) {
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("stepwise") + H2_FILE_SETTINGS;
    return pool(url, "sa", "", size, timeout);
  }

  /**
   * A pool on any JDBC url; on H2 one that replaces its connections once H2 closed the database.
   *
   * @param timeout how long a caller waits for a connection, and PostgreSQL's connect timeout
   */
  public static HikariDataSource pool(
      String url, String user, String password, int size, Duration timeout) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    c.setUsername(user);
    c.setPassword(password);
    c.setMaximumPoolSize(size);
    c.setPoolName("stepwise");
    c.setConnectionTimeout(timeout.toMillis());
    // Hikari wants the validation of a borrowed connection to take less than the wait for one.
    c.setValidationTimeout(Math.max(250, timeout.toMillis() / 2));
    if (url.startsWith("jdbc:postgresql:")) {
      // Seconds; without it a connection attempt to an unreachable host waits for the OS.
      c.addDataSourceProperty("connectTimeout", Math.max(1, timeout.toSeconds()));
    }
    ReopenClosedH2 reopen = url.startsWith("jdbc:h2:") ? new ReopenClosedH2() : null;
    if (reopen != null) {
      c.setExceptionOverride(reopen);
    }
    HikariDataSource pool = new HikariDataSource(c);
    if (reopen != null) {
      reopen.pool.set(pool);
    }
    return pool;
  }

  /**
   * Makes the pool drop every connection of an H2 database that H2 has closed, so the next ones
   * open it again. An embedded H2 closes its database for good after a fatal error in its store
   * (one commit that ran out of memory is enough): from then on every statement of every existing
   * connection fails with "The database has been closed" (90098), and Hikari, which knows no H2
   * error code, would hand those connections out forever, while H2's own {@code isValid} still
   * calls them valid. A new connection reopens the file from its last commit, as after a killed
   * JVM.
   */
  static final class ReopenClosedH2 implements SQLExceptionOverride {
    private static final Logger log = LoggerFactory.getLogger(DataSources.class);

    /** How often the recovery is logged at most: every connection reports it. */
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    /** The pool this decides for; set right after it is created, before the engine uses it. */
    final AtomicReference<HikariDataSource> pool = new AtomicReference<>();

    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    @java.lang.Override // plain @Override would name SQLExceptionOverride.Override
    public Override adjudicate(SQLException e) {
      if (!DatabaseFailures.isClosedH2(e)) {
        return Override.CONTINUE_EVICT;
      }
      long now = System.nanoTime();
      long last = lastLog.get();
      if (now - last >= LOG_EVERY_NANOS && lastLog.compareAndSet(last, now)) {
        log.warn(
            "The H2 database was closed ({}); replacing every pooled connection, so the next"
                + " ones reopen it from its last commit",
            e.getMessage());
      }
      // Every connection is on the closed database, not only this one: idle ones are closed now,
      // those in use when they are returned.
      HikariDataSource p = pool.get();
      if (p != null && p.getHikariPoolMXBean() != null) {
        p.getHikariPoolMXBean().softEvictConnections();
      }
      return Override.MUST_EVICT;
    }
  }
}

package dev.stepwise.runtime.internal.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts an H2 file database when the engine that opened it closes. While the engine runs, H2
 * cannot compact the file: the engine's write delay of 0 stops H2's background thread, which is
 * what compacts an open file, and no SQL statement compacts a file that stays open ({@code
 * CHECKPOINT} only rewrites sparse chunks, and did not change the file's size in the measurements).
 * Space that dead chunks leave is reused at once ({@code RETENTION_TIME 0}), but partly dead chunks
 * and holes stay: 4 runs with 10 MB inputs left a file of 280 MB for 40 MB of data, 5,000 runs of
 * three small steps one of 188 MB for about 10 MB.
 *
 * <p>{@code SHUTDOWN COMPACT} rewrites the live data into a new file and replaces the old one: 280
 * MB became 37 MB in about a second, 495 MB (200 MB of data) 186 MB in 3.4 s, 188 MB 14 MB. Its
 * time grows with the data, so it runs only when less than half the file is in use (H2's {@code
 * info.FILL_RATE}, the share of the file's blocks in chunks, times {@code info.CHUNKS_FILL_RATE},
 * the share of the chunks' bytes in live pages), and for at most {@value #MAX_LIVE_MB_TO_COMPACT}
 * MB of data, so that a close takes seconds, not minutes; a larger sparse file is named in a
 * warning, to be compacted with the engine stopped, and closes as H2 closes it otherwise
 * (compacting for up to 200 ms).
 */
final class H2Compaction {
  private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

  /** Below this percentage of the file in use, closing rewrites it. */
  static final int FILL_RATE_TO_COMPACT = 50;

  /** The most data (the file's size times its fill rate) that closing rewrites, in MB. */
  static final long MAX_LIVE_MB_TO_COMPACT = 256;

  private static final long MB = 1024 * 1024;

  private H2Compaction() {}

  /**
   * Closes the database of {@code pool} with {@code SHUTDOWN COMPACT} if its file is less than half
   * in use; the pool is closed afterwards. Call it only when nothing uses the pool any more: the
   * statement ends every session. It runs on a connection of its own, outside the pool, so that the
   * pool does not take the closed database for a failure ({@link DataSources}). A failure is
   * logged, not thrown: the database then closes as usual, with the pool.
   */
  static void compactIfSparse(HikariDataSource pool) {
    try (Connection c =
            DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        Statement s = c.createStatement()) {
      // The share of the file's blocks that chunks take, times the share of the chunks' bytes
      // that live pages take: holes and dead pages both count as unused.
      long blocks = info(s, "info.FILL_RATE");
      long pages = info(s, "info.CHUNKS_FILL_RATE");
      long size = info(s, "info.FILE_SIZE");
      if (blocks < 0 || pages < 0 || size < 0) {
        return;
      }
      long fillRate = blocks * pages / 100;
      if (fillRate >= FILL_RATE_TO_COMPACT) {
        return;
      }
      if (size * fillRate / 100 / MB > MAX_LIVE_MB_TO_COMPACT) {
        log.warn(
            "The H2 file is {} MB with {}% of it in use; compacting it now would take long. With"
                + " the engine stopped, connect to it and run SHUTDOWN COMPACT",
            size / MB, fillRate);
        return;
      }
      long start = System.nanoTime();
      s.execute("SHUTDOWN COMPACT");
      log.info(
          "Compacted the H2 file of {} MB, {}% of it in use, in {} ms",
          size / MB, fillRate, (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      log.warn("Compacting the H2 file failed; it closes uncompacted: {}", e.getMessage());
    }
  }

  /** A number from H2's store information, or -1 if it has none by that name. */
  private static long info(Statement s, String name) throws SQLException {
    try (ResultSet r =
        s.executeQuery(
            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '"
                + name
                + "'")) {
      return r.next() ? Long.parseLong(r.getString(1).trim()) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

package dev.stepwise.runtime.internal.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.internal.store.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's database: picks the jOOQ dialect from the connection, makes an H2 file database's
 * commits durable, applies the migrations and maps the generated (schema-less) tables to the
 * configured schema.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  static {
    JooqBanner.silence(); // before this class makes the engine's first DSLContext
  }

  private final DataSource dataSource;
  private final AutoCloseable ownedPool;
  private final SQLDialect dialect;
  private final DSLContext dsl;
  private final String schema;

  /** True for an H2 database in a file (not in memory). */
  private final boolean h2File;

  public Database(DataSource dataSource, AutoCloseable ownedPool, String schema) {
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
    this.dialect = Dialect.detect(dataSource);
    this.h2File = dialect == SQLDialect.H2 && !url(dataSource).startsWith("jdbc:h2:mem:");
    if (h2File) {
      writeEachCommitToTheFile(dataSource);
    }
    String folded = fold(schema);
    this.schema = folded;
    migrate(folded);
    // Names are rendered unquoted so each database folds them the way the migrations created them
    // (H2 to upper case, PostgreSQL to lower case).
    Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER);
    if (folded != null) {
      settings.setRenderMapping(
          new RenderMapping().withSchemata(new MappedSchema().withInput("").withOutput(folded)));
    }
    this.dsl = DSL.using(dataSource, dialect, settings);
  }

  public DSLContext dsl() {
    return dsl;
  }

  public SQLDialect dialect() {
    return dialect;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The schema as the database folds it, or null for the connection's default. */
  public String schema() {
    return schema;
  }

  private static String url(DataSource ds) {
    try (Connection c = ds.getConnection()) {
      return c.getMetaData().getURL();
    } catch (SQLException e) {
      throw new StepwiseException("Cannot connect to the database: " + e.getMessage(), e);
    }
  }

  /**
   * Makes an H2 file database write each commit to its file before the commit returns, so a commit
   * survives a killed JVM: by default H2 writes commits in the background, up to its write delay
   * (500 ms) later, and a restarted engine would run again steps whose completion it had already
   * acted upon. With a write delay of 0 the committing thread stores the commit itself (no fsync:
   * the operating system holds it, which a killed JVM cannot undo; a power loss can). The setting
   * is database-wide and lasts until H2 closes the database; H2 reopens it with the url's
   * WRITE_DELAY, which is why {@link DataSources#h2File} also puts it in the url.
   */
  private static void writeEachCommitToTheFile(DataSource ds) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET WRITE_DELAY 0");
      // A write delay of 0 also stops H2's background thread, the only one that compacts the file
      // while it is open; then chunks that no commit needs any more must at least be written over
      // at once, not after 45 s, or the file grows with every commit
      // (DataSources#H2_FILE_SETTINGS).
      s.execute("SET RETENTION_TIME 0");
    } catch (SQLException e) {
      // Only an admin may set it (or CHECKPOINT): run on, but say what a kill may then lose.
      log.warn(
          "The H2 user cannot SET WRITE_DELAY 0 ({}); commits reach the file only after H2's write"
              + " delay, so a killed JVM may lose the last completed steps (they then run again)."
              + " Connect as an H2 admin user to make every commit survive a kill.",
          e.getMessage());
    }
  }

  private String fold(String schema) {
    if (schema == null) {
      return null;
    }
    return dialect == SQLDialect.H2
        ? schema.toUpperCase(Locale.ROOT)
        : schema.toLowerCase(Locale.ROOT);
  }

  private void migrate(String schema) {
    var config =
        Flyway.configure()
            .dataSource(dataSource)
            // The portable scripts, then this database's own (from V4 on; each database has a
            // script for every vendor version, so both record the same versions). A sibling
            // directory, not a subdirectory: Flyway scans a location's subdirectories too.
            .locations(
                "classpath:dev/stepwise/migrations",
                "classpath:dev/stepwise/migrations-" + vendor())
            // Our own history table, so an application's Flyway in the same schema is unaffected.
            .table("sw_schema_history")
            .baselineOnMigrate(true)
            .baselineVersion("0");
    if (schema != null) {
      config = config.schemas(schema).createSchemas(true);
    }
    config.load().migrate();
  }

  /** The directory suffix of this database's own migrations. */
  private String vendor() {
    return dialect == SQLDialect.H2 ? "h2" : "postgresql";
  }

  /**
   * Closes the pool only if the engine created it; a DataSource the user passed stays open. An H2
   * file database the engine opened is compacted first if less than half of the file is in use
   * ({@link H2Compaction}).
   */
  @Override
  public void close() {
    if (ownedPool != null) {
      if (h2File && ownedPool instanceof HikariDataSource pool) {
        H2Compaction.compactIfSparse(pool);
      }
      try {
        ownedPool.close();
      } catch (Exception e) {
        throw new StepwiseException("Closing the connection pool failed", e);
      }
    }
  }
}

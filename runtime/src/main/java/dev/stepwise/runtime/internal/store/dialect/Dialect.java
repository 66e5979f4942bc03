package dev.stepwise.runtime.internal.store.dialect;

import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.internal.store.Claim;
import dev.stepwise.runtime.internal.store.Database;
import dev.stepwise.runtime.internal.store.LockWaits;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.SQLDialect;

/**
 * Everything the engine does differently per database, chosen once from the connection: how due
 * steps are claimed, how a chain's writes and a resume are sent, and how nodes hear of each other's
 * changes. PostgreSQL has data-modifying {@code WITH}, {@code UPDATE … RETURNING} and {@code
 * LISTEN/NOTIFY}; the portable implementation (H2, embedded, one node) uses plain statements in a
 * transaction and needs no notification. No other class asks which database it runs on.
 */
public interface Dialect {

  /** The dialect of {@code database}'s connection. */
  static Dialect of(Database database, String nodeId) {
    return database.dialect() == SQLDialect.POSTGRES
        ? new PostgresDialect(database, nodeId)
        : new PortableDialect(database);
  }

  /** The jOOQ dialect of the database behind {@code ds}; a clear error for any other database. */
  static SQLDialect detect(DataSource ds) {
    try (Connection c = ds.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("h2")) {
        return SQLDialect.H2;
      }
      if (product.contains("postgres")) {
        return SQLDialect.POSTGRES;
      }
      throw new StepwiseException(
          "Unsupported database \"" + product + "\": Stepwise runs on H2 and PostgreSQL");
    } catch (SQLException e) {
      throw new StepwiseException("Cannot connect to the database: " + e.getMessage(), e);
    }
  }

  /** How the task queue takes due rows. */
  Claim claim();

  /** How a transaction bounds its lock waits. */
  default LockWaits lockWaits() {
    return LockWaits.UNBOUNDED;
  }

  /** The writes of a synchronous chain's steps. */
  ChainWrites chainWrites();

  /** The write of a resume. */
  ResumeWrites resumeWrites();

  /**
   * Announces this node's changes to other nodes and hears theirs.
   *
   * @param changedElsewhere called with the run id of every change another node announces
   */
  Notifier notifier(Consumer<String> changedElsewhere);
}

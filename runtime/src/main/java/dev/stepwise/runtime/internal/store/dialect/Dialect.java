package dev.stepwise.runtime.internal.store.dialect;

import dev.stepwise.runtime.internal.store.Claim;
import dev.stepwise.runtime.internal.store.Database;
import java.util.function.Consumer;
import org.jooq.SQLDialect;

/**
 * Everything the engine does differently per database, chosen once from the connection: how due
 * steps are claimed, how a chain's writes are sent, and how nodes hear of each other's changes.
 * PostgreSQL has data-modifying {@code WITH}, {@code UPDATE … RETURNING} and {@code LISTEN/NOTIFY};
 * the portable implementation (H2, embedded, one node) uses plain statements in a transaction and
 * needs no notification. No other class asks which database it runs on.
 */
public interface Dialect {

  /** The dialect of {@code database}'s connection. */
  static Dialect of(Database database, String nodeId) {
    return database.dialect() == SQLDialect.POSTGRES
        ? new PostgresDialect(database, nodeId)
        : new PortableDialect(database);
  }

  /** How the task queue takes due rows. */
  Claim claim();

  /** The writes of a synchronous chain's steps. */
  ChainWrites chainWrites();

  /**
   * Announces this node's changes to other nodes and hears theirs.
   *
   * @param changedElsewhere called with the run id of every change another node announces
   */
  Notifier notifier(Consumer<String> changedElsewhere);
}

package dev.stepwise.runtime.internal.store.dialect;

import dev.stepwise.runtime.internal.store.Claim;
import dev.stepwise.runtime.internal.store.Database;
import java.util.function.Consumer;

/** PostgreSQL: one-statement claims and chain writes, {@code LISTEN/NOTIFY} between nodes. */
final class PostgresDialect implements Dialect {
  private final Database database;
  private final String nodeId;

  PostgresDialect(Database database, String nodeId) {
    this.database = database;
    this.nodeId = nodeId;
  }

  @Override
  public Claim claim() {
    return new PgClaim(database.dsl());
  }

  @Override
  public ChainWrites chainWrites() {
    return new PgChainWrites(database.dataSource(), database.schema(), nodeId);
  }

  @Override
  public Notifier notifier(Consumer<String> changedElsewhere) {
    return new PgNotifier(database.dataSource(), database.schema(), nodeId, changedElsewhere);
  }
}

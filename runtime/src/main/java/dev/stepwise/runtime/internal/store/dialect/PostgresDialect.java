package dev.stepwise.runtime.internal.store.dialect;

import dev.stepwise.runtime.internal.store.Claim;
import dev.stepwise.runtime.internal.store.Database;
import dev.stepwise.runtime.internal.store.LockWaits;
import java.util.function.Consumer;

/**
 * PostgreSQL: one-statement claims, chain writes and resumes, {@code LISTEN/NOTIFY} between nodes.
 */
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
  public LockWaits lockWaits() {
    // LOCAL: for the rest of this transaction only; the pooled connection keeps its default.
    return (tx, wait) -> tx.execute("SET LOCAL lock_timeout = '" + wait.toMillis() + "ms'");
  }

  @Override
  public ChainWrites chainWrites() {
    return new PgChainWrites(database.dataSource(), database.schema(), nodeId);
  }

  @Override
  public ResumeWrites resumeWrites() {
    return new PgResumeWrites(database.dataSource(), database.schema());
  }

  @Override
  public Notifier notifier(Consumer<String> changedElsewhere) {
    return new PgNotifier(database.dataSource(), database.schema(), nodeId, changedElsewhere);
  }
}

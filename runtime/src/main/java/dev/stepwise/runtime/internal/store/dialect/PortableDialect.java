package dev.stepwise.runtime.internal.store.dialect;

import dev.stepwise.runtime.internal.store.Claim;
import dev.stepwise.runtime.internal.store.Database;
import java.util.function.Consumer;

/**
 * SQL any database runs (H2 in particular): select-then-update claims, chain writes as a few
 * statements in one transaction, and no notifications (an embedded database has one node).
 */
final class PortableDialect implements Dialect {
  private final Database database;

  PortableDialect(Database database) {
    this.database = database;
  }

  @Override
  public Claim claim() {
    return new PortableClaim(database.dsl());
  }

  @Override
  public ChainWrites chainWrites() {
    return new PortableChainWrites(database.dataSource(), database.dsl());
  }

  @Override
  public ResumeWrites resumeWrites() {
    return new PortableResumeWrites(database.dataSource(), database.dsl());
  }

  @Override
  public Notifier notifier(Consumer<String> changedElsewhere) {
    return Notifier.NONE;
  }
}

package dev.stepwise.runtime.internal.store.dialect;

/**
 * Tells other nodes that a run changed, and hears of their changes. On PostgreSQL this is {@code
 * LISTEN/NOTIFY} ({@link PgNotifier}); elsewhere nodes re-read instead.
 */
public interface Notifier extends AutoCloseable {
  /** Does nothing: H2 is embedded, one node. */
  Notifier NONE =
      new Notifier() {
        @Override
        public void announce(String runId) {}

        @Override
        public void listen() {}

        @Override
        public void close() {}
      };

  /** This node committed a change of {@code runId}; sent asynchronously, coalesced. */
  void announce(String runId);

  /** Starts hearing other nodes' announcements (idempotent). */
  void listen();

  @Override
  void close();
}

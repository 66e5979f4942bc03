package dev.stepwise.runtime.internal.store.dialect;

import dev.stepwise.runtime.internal.model.Signal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN/NOTIFY} between the nodes that share one PostgreSQL schema. Announcing is off the
 * commit path: run ids are collected and sent by a thread of their own, many per statement, as
 * {@code "node runId"}. Listening holds one connection that waits for notifications and passes
 * other nodes' run ids to {@code onRemoteChange}.
 */
public final class PgNotifier implements Notifier {
  private static final Logger log = LoggerFactory.getLogger(PgNotifier.class);
  private static final Duration LISTEN_POLL = Duration.ofMillis(500);
  // How long listen() waits for the first LISTEN: a node that starts and at once counts on other
  // nodes' notifications (a queue's freed slot) would otherwise miss those sent meanwhile.
  private static final Duration FIRST_LISTEN = Duration.ofSeconds(5);

  private final DataSource dataSource;
  private final String channel;
  private final String nodeId;
  private final Consumer<String> onRemoteChange;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final Signal signal = new Signal();
  private volatile boolean closed;
  private Thread sender;
  private Thread listener;
  private final CountDownLatch listening = new CountDownLatch(1);

  PgNotifier(DataSource dataSource, String schema, String nodeId, Consumer<String> onRemote) {
    this.dataSource = dataSource;
    this.channel = channel(schema);
    this.nodeId = nodeId;
    this.onRemoteChange = onRemote;
  }

  /** One channel per schema: engines on other schemas of the same database stay apart. */
  static String channel(String schema) {
    return "stepwise_" + (schema == null ? "public" : schema);
  }

  @Override
  public void announce(String runId) {
    if (closed) {
      return;
    }
    pending.add(runId);
    startSender();
    signal.raise();
  }

  private synchronized void startSender() {
    if (sender == null) {
      sender = daemon("stepwise-notify-" + nodeId, this::sendLoop);
    }
  }

  @Override
  public void listen() {
    synchronized (this) {
      if (listener == null && !closed) {
        listener = daemon("stepwise-listen-" + nodeId, this::listenLoop);
      }
    }
    try {
      // Bounded: with the database down the node starts anyway, and the poll finds the work.
      listening.await(FIRST_LISTEN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sendLoop() {
    while (!closed) {
      try {
        signal.await(Duration.ofSeconds(1));
      } catch (InterruptedException e) {
        return;
      }
      List<String> ids = new ArrayList<>(pending);
      if (ids.isEmpty()) {
        continue;
      }
      pending.removeAll(ids);
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("SELECT pg_notify(?, ? || ' ' || id) FROM unnest(?) AS t(id)")) {
        Array array = c.createArrayOf("text", ids.toArray());
        ps.setString(1, channel);
        ps.setString(2, nodeId);
        ps.setArray(3, array);
        ps.execute();
      } catch (SQLException e) {
        log.warn("Announcing run changes to other nodes failed; they see them on re-read", e);
      }
    }
  }

  private void listenLoop() {
    while (!closed) {
      try (Connection c = dataSource.getConnection()) {
        try (Statement st = c.createStatement()) {
          st.execute("LISTEN \"" + channel.replace("\"", "") + "\"");
        }
        listening.countDown();
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] received = pg.getNotifications((int) LISTEN_POLL.toMillis());
          if (received == null) {
            continue;
          }
          for (PGNotification n : received) {
            String payload = n.getParameter();
            int space = payload.indexOf(' ');
            if (space > 0 && !payload.substring(0, space).equals(nodeId)) {
              onRemoteChange.accept(payload.substring(space + 1));
            }
          }
        }
      } catch (SQLException e) {
        if (!closed) {
          log.warn("Listening for other nodes' changes failed; reconnecting", e);
          try {
            signal.await(LISTEN_POLL); // back off before reconnecting
          } catch (InterruptedException ie) {
            return;
          }
        }
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    signal.raise();
    if (listener != null) {
      listener.interrupt();
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}

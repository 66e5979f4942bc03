package dev.stepwise.runtime.internal.observe;

import dev.stepwise.runtime.RunChange;
import dev.stepwise.runtime.RunListener;
import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Watch;
import dev.stepwise.runtime.internal.model.Signal;
import dev.stepwise.runtime.internal.progress.WatchDiff;
import dev.stepwise.runtime.internal.store.dialect.PgNotifier;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers run changes to watch listeners on one thread per engine. A watch re-reads its run when
 * this node commits a change of it ({@link RunWaiters}), when another node announces one
 * (PostgreSQL {@code NOTIFY}, {@link PgNotifier}), and at least once a second otherwise; each read
 * is turned into changes by {@link WatchDiff}, so the listener sees them in order.
 */
public final class Watchers {
  private static final Logger log = LoggerFactory.getLogger(Watchers.class);

  private final String nodeId;
  private final Duration reread;
  private final List<Sub> subs = new CopyOnWriteArrayList<>();
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();
  private final Signal signal = new Signal();
  private Thread thread;
  private volatile boolean closed;

  private final Runnable onFirstWatch;

  /**
   * @param onFirstWatch called when a watch starts: begins listening to other nodes
   */
  public Watchers(String nodeId, Duration reread, Runnable onFirstWatch) {
    this.nodeId = nodeId;
    this.reread = reread;
    this.onFirstWatch = onFirstWatch;
  }

  /** One listener on one run. */
  private final class Sub implements Watch {
    final String runId;
    final RunListener listener;
    final Function<String, RunStatus> reader;
    RunStatus last; // only touched by the watch thread
    volatile boolean active = true;

    Sub(String runId, RunListener listener, Function<String, RunStatus> reader) {
      this.runId = runId;
      this.listener = listener;
      this.reader = reader;
    }

    @Override
    public void close() {
      active = false;
      subs.remove(this);
    }

    @Override
    public boolean isActive() {
      return active;
    }
  }

  /** Starts watching; the first delivery replays the changes that led to the current state. */
  public Watch watch(String runId, RunListener listener, Function<String, RunStatus> reader) {
    Sub sub = new Sub(runId, listener, reader);
    subs.add(sub);
    onFirstWatch.run();
    ensureThread();
    changed(runId);
    return sub;
  }

  /**
   * Starts hearing other nodes' changes (PostgreSQL LISTEN), for waiters as well as watches; a
   * no-op once listening, and on H2.
   */
  public void listenToOtherNodes() {
    onFirstWatch.run();
  }

  /** A change of {@code runId} was committed (here, or announced by another node). */
  public void changed(String runId) {
    if (subs.isEmpty()) {
      return;
    }
    dirty.add(runId);
    signal.raise();
  }

  private synchronized void ensureThread() {
    if (thread != null || closed) {
      return;
    }
    thread = new Thread(this::loop, "stepwise-watch-" + nodeId);
    thread.setDaemon(true);
    thread.start();
  }

  public synchronized void close() {
    closed = true;
    subs.forEach(s -> s.active = false);
    subs.clear();
    signal.raise();
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void loop() {
    boolean everything = true;
    while (!closed) {
      for (Sub sub : subs) {
        if (everything || dirty.remove(sub.runId)) {
          deliver(sub);
        }
      }
      try {
        long before = System.nanoTime();
        signal.await(reread);
        // Woken by a change: only the dirty runs. Timed out: re-read all (other nodes' changes).
        everything = System.nanoTime() - before >= reread.toNanos();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void deliver(Sub sub) {
    if (!sub.active) {
      return;
    }
    RunStatus now;
    try {
      now = sub.reader.apply(sub.runId);
    } catch (RuntimeException e) {
      log.warn("Watch of run {} could not read it; trying again", sub.runId, e);
      return;
    }
    List<RunChange> changes = WatchDiff.diff(sub.last, now);
    sub.last = now;
    for (RunChange c : changes) {
      try {
        sub.listener.onChange(c);
      } catch (RuntimeException e) {
        log.warn("A watch listener of run {} threw on {}", sub.runId, c, e);
      }
    }
    if (now.isFinished()) {
      sub.close(); // the run's final change is delivered
    }
  }
}

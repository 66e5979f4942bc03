package dev.stepwise.bench.nodes;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts what the benchmark database's backends were doing in samples of {@code pg_stat_activity},
 * to tell CPU saturation from contention: a backend running a statement with no wait event is on a
 * core (or waiting for one: PostgreSQL cannot tell), one with a {@code Lock} wait event waits for a
 * row or object another transaction holds (contention), {@code LWLock} for a shared-memory
 * structure, {@code IO} mostly for the WAL to reach the disk, and one idle in a transaction waits
 * for its client.
 */
final class WaitTally {
  /** What a backend running a statement without a wait event is counted as. */
  static final String ON_CPU = "CPU";

  static final String IDLE_IN_TRANSACTION = "idle in transaction";

  private int samples;
  private long busy;
  private final Map<String, Long> byType = new HashMap<>();
  private final Map<String, Long> byEvent = new HashMap<>();

  /**
   * One sample: per backend that was running a statement or idle in a transaction, its state and
   * wait event (type and event, null when it has none).
   */
  synchronized void sample(List<Backend> backends) {
    samples++;
    for (Backend b : backends) {
      busy++;
      String type;
      String event;
      if (b.state().equals(IDLE_IN_TRANSACTION)) {
        type = IDLE_IN_TRANSACTION;
        event = IDLE_IN_TRANSACTION;
      } else if (b.waitType() == null) {
        type = ON_CPU;
        event = ON_CPU;
      } else {
        type = b.waitType();
        event =
            b.waitType() + ":" + b.waitEvent() + (b.lock() == null ? "" : " (" + b.lock() + ")");
      }
      byType.merge(type, 1L, Long::sum);
      byEvent.merge(event, 1L, Long::sum);
    }
  }

  /**
   * One backend of a sample: its state, wait event type and event (null: none), and the lock it
   * waits for (null unless it waits for a heavyweight lock), e.g. "object AccessExclusiveLock on
   * pg_database 0".
   */
  record Backend(String state, String waitType, String waitEvent, String lock) {}

  synchronized int samples() {
    return samples;
  }

  /** Backends busy (running a statement or idle in a transaction) per sample, on average. */
  synchronized double busyPerSample() {
    return samples == 0 ? 0 : busy / (double) samples;
  }

  /** The share (0..1) of busy backend-samples of this wait type ({@link #ON_CPU}, "Lock", …). */
  synchronized double share(String type) {
    return busy == 0 ? 0 : byType.getOrDefault(type, 0L) / (double) busy;
  }

  /** The {@code n} most frequent wait events with their shares, e.g. "Lock:tuple 3.1%". */
  synchronized String top(int n) {
    return byEvent.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(n)
        .map(e -> String.format(Locale.ROOT, "%s %.1f%%", e.getKey(), 100.0 * e.getValue() / busy))
        .collect(Collectors.joining(", "));
  }
}

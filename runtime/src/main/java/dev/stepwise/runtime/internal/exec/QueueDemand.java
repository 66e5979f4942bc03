package dev.stepwise.runtime.internal.exec;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which queues (and run limits, named {@code "workflow/<name>"}) are worth a claim: one whose step
 * finished here or on another node (a slot freed), one whose rate window opens, or all of them when
 * work was queued or the poll interval passed. A queue found full is not claimed again until one of
 * those happens, so waiting steps cost no query.
 */
public final class QueueDemand {
  private final Set<String> marked = ConcurrentHashMap.newKeySet();
  private final Map<String, Instant> dueAt = new ConcurrentHashMap<>();
  // "All of them" as a generation: each name remembers the one it was last taken at, so that one
  // caller taking its names does not take the others' (admissions and queue claims take apart).
  private final AtomicLong generation = new AtomicLong(1);
  private final Map<String, Long> takenAt = new ConcurrentHashMap<>();

  /** Every queue may have work: steps were queued, or the poll interval passed. */
  public void markAll() {
    generation.incrementAndGet();
  }

  /** A slot of {@code name} freed, or more of its steps may be due. */
  public void mark(String name) {
    marked.add(name);
  }

  /** The rate window of {@code name} lets another step start at {@code at}. */
  void markAt(String name, Instant at) {
    dueAt.merge(name, at, (a, b) -> a.isBefore(b) ? a : b);
  }

  /** The names among {@code known} to claim now; they count as claimed until marked again. */
  Set<String> take(Collection<String> known, Instant now) {
    Set<String> out = new HashSet<>();
    long current = generation.get();
    for (String name : known) {
      Instant due = dueAt.get(name);
      boolean ripe = due != null && !due.isAfter(now);
      if (ripe) {
        dueAt.remove(name, due);
      }
      Long last = takenAt.put(name, current);
      boolean everything = last == null || last < current;
      if (marked.remove(name) | everything | ripe) {
        out.add(name);
      }
    }
    return out;
  }
}

package dev.stepwise.http;

import dev.stepwise.runtime.RunChange;
import dev.stepwise.runtime.Status;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a client of an events stream is: the last status of the run and the last (attempt, status)
 * of each step it was sent. Rendered as the SSE {@code id}, so a client reconnecting with {@code
 * Last-Event-ID} is sent only what came after.
 *
 * <p>Why a position rather than a counter: a watch turns snapshots of the run into changes, so a
 * new watch (the one a reconnect opens) replays the history with transient states (queued, a retry
 * seen late) possibly merged differently, and its n-th change need not be the old watch's n-th.
 * Each step's own sequence is ordered though, so a change at or before the step's position was
 * seen. A change the client may have seen in another form is sent again: at least once, never
 * missed.
 */
final class StreamPosition {
  private static final String RUN = "";

  private final Map<String, String> last = new LinkedHashMap<>();

  /** Parses a {@code Last-Event-ID}; a missing or garbled one is the start. */
  static StreamPosition parse(String id) {
    StreamPosition p = new StreamPosition();
    if (id == null || id.isBlank()) {
      return p;
    }
    for (String part : id.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        String name = part.substring(0, eq);
        String key = name.startsWith("step:") ? name.substring("step:".length()) : RUN;
        p.last.put(key, part.substring(eq + 1));
      }
    }
    return p;
  }

  /** True if the client was sent this change (or a later one of its step) already. */
  boolean hasSeen(RunChange c) {
    String known = last.get(key(c));
    if (known == null) {
      return false;
    }
    if (c.isRunChange()) {
      return known.equals(c.status().name());
    }
    int dot = known.indexOf('.');
    int attempt;
    Status status;
    try {
      attempt = Integer.parseInt(known.substring(0, dot));
      status = Status.valueOf(known.substring(dot + 1));
    } catch (RuntimeException e) {
      return false; // a garbled position: send rather than risk a miss
    }
    if (c.attempt() != attempt) {
      return c.attempt() < attempt;
    }
    return rank(c.status(), c.attempt()) <= rank(status, attempt);
  }

  void advance(RunChange c) {
    last.put(key(c), c.isRunChange() ? c.status().name() : c.attempt() + "." + c.status().name());
  }

  /** The SSE id: {@code run=STATUS;step=attempt.STATUS;...}. */
  String id() {
    StringBuilder out = new StringBuilder();
    last.forEach(
        (k, v) -> {
          if (out.length() > 0) {
            out.append(';');
          }
          out.append(k.equals(RUN) ? "run" : "step:" + k).append('=').append(v);
        });
    return out.toString();
  }

  private static String key(RunChange c) {
    return c.isRunChange() ? RUN : c.stepId();
  }

  /** The order of statuses within one attempt of a step: pending, running, parked, done. */
  private static int rank(Status status, int attempt) {
    return switch (status) {
      case PENDING, QUEUED -> attempt == 0 ? 0 : 3;
      case RUNNING -> 1;
      case SUSPENDED, WAITING -> 2;
      default -> 4;
    };
  }
}

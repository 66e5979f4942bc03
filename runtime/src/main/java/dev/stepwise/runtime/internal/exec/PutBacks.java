package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.store.DatabaseFailures;
import dev.stepwise.runtime.internal.store.TaskQueue;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps whose outcome the database did not take because the engine's own writes failed (the
 * connection was lost, the server restarted, a deadlock chose our transaction): they go back to the
 * queue with their attempt given back, as soon as the database takes that write. Until then they
 * stay in flight, so this node keeps their leases and no other node runs them twice meanwhile; if
 * this node dies, the leases expire and the sweeper puts them back instead.
 */
public final class PutBacks {
  private static final Logger log = LoggerFactory.getLogger(PutBacks.class);

  private final TaskQueue queue;
  private final InFlight inFlight;
  private final DispatchSignal dispatch;
  private final String nodeId;
  private final Clock clock;
  private final Set<Task> waiting = ConcurrentHashMap.newKeySet();

  public PutBacks(
      TaskQueue queue, InFlight inFlight, DispatchSignal dispatch, String nodeId, Clock clock) {
    this.queue = queue;
    this.inFlight = inFlight;
    this.dispatch = dispatch;
    this.nodeId = nodeId;
    this.clock = clock;
  }

  /** Puts {@code task}, which is in flight, back now if the database lets us, else later. */
  void offer(Task task) {
    if (!tryPutBack(task)) {
      waiting.add(task);
    }
  }

  /** Tries again to put back what earlier attempts could not; called at each heartbeat. */
  void retry() {
    for (Task task : List.copyOf(waiting)) {
      if (tryPutBack(task)) {
        waiting.remove(task);
      }
    }
  }

  /** True when {@code task} needs no more putting back: it is queued, or no longer ours. */
  private boolean tryPutBack(Task task) {
    try {
      if (queue.putBack(task, nodeId, clock.instant()) == 1) {
        dispatch.workQueued();
      }
      // 0: the lease was lost, or the outcome committed after all; either way not ours to queue.
      inFlight.remove(task);
      return true;
    } catch (RuntimeException e) {
      if (DatabaseFailures.isTransient(e)) {
        return false; // still unreachable: keep the lease, try at the next heartbeat
      }
      // Not an outage: stop holding the lease so that the sweeper re-queues the step.
      log.error(
          "Could not put step {} of run {} back in the queue; it runs again once its lease"
              + " expires",
          task.stepId(),
          task.runId(),
          e);
      inFlight.remove(task);
      return true;
    }
  }
}

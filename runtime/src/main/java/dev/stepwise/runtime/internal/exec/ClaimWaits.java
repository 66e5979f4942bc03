package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.observe.Observers;
import dev.stepwise.runtime.internal.store.TaskQueue.Claimed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Tells the observers how long each claimed step had been due before a claim took it. */
final class ClaimWaits {
  private ClaimWaits() {}

  /**
   * @param queue the queue the rows were claimed from, or null
   * @param now the claim's time, on this node's clock (a step made due by another node is measured
   *     against that node's clock: keep the nodes' clocks in sync)
   */
  static void report(Observers observers, String queue, List<Claimed> claimed, Instant now) {
    if (observers.isEmpty()) {
      return;
    }
    for (Claimed c : claimed) {
      if (c.due() != null) {
        Duration waited = Duration.between(c.due(), now);
        observers.stepWaited(
            c.workflow(),
            Ids.stepOf(c.stepId()),
            queue,
            waited.isNegative() ? Duration.ZERO : waited);
      }
    }
  }
}

package dev.stepwise.spring.actuate;

import dev.stepwise.runtime.RunQuery;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many runs of a workflow are waiting or going on, counted up to {@link #CAP} per status so a
 * health check stays one bounded query per status.
 */
final class QueueDepths {
  /** Counts stop here: a depth of {@value} means at least that many. */
  static final int CAP = 1000;

  private QueueDepths() {}

  /** Runs queued (beyond a run limit), pending, running, suspended and waiting, by status. */
  static Map<String, Integer> of(WorkflowClient client) {
    Map<String, Integer> depths = new LinkedHashMap<>();
    for (Status s :
        new Status[] {
          Status.QUEUED, Status.PENDING, Status.RUNNING, Status.SUSPENDED, Status.WAITING
        }) {
      depths.put(
          s.name().toLowerCase(java.util.Locale.ROOT),
          client.list(RunQuery.all().status(s).limit(CAP)).runs().size());
    }
    return depths;
  }
}

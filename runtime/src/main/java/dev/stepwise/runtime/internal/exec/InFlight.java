package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.model.StepKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The steps a worker of this node is executing right now. Only their leases are extended: a step
 * whose worker gave up (say, the database was down when it tried to record the result) must lose
 * its lease so that it runs again, even though this node is alive.
 */
public final class InFlight {
  // The version of the claim each step is executed under: a late removal for an older claim of the
  // same step (see PutBacks) must not drop the lease of the execution that runs now.
  private final Map<StepKey, Long> keys = new ConcurrentHashMap<>();

  void add(Task task) {
    keys.put(new StepKey(task.runId(), task.stepId()), task.version());
  }

  void remove(Task task) {
    keys.remove(new StepKey(task.runId(), task.stepId()), task.version());
  }

  List<StepKey> snapshot() {
    return List.copyOf(keys.keySet());
  }
}

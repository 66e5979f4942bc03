package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.model.StepKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The steps a worker of this node is executing right now. Only their leases are extended: a step
 * whose worker gave up (say, the database was down when it tried to record the result) must lose
 * its lease so that it runs again, even though this node is alive.
 */
public final class InFlight {
  private final Set<StepKey> keys = ConcurrentHashMap.newKeySet();

  void add(Task task) {
    keys.add(new StepKey(task.runId(), task.stepId()));
  }

  void remove(Task task) {
    keys.remove(new StepKey(task.runId(), task.stepId()));
  }

  List<StepKey> snapshot() {
    return List.copyOf(keys);
  }
}

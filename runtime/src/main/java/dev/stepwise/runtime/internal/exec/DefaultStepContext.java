package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.StepContext;
import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.model.SuspendSignal;
import dev.stepwise.runtime.internal.store.TaskQueue;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link StepContext} of one execution of a step. */
public final class DefaultStepContext implements StepContext {
  private final Task task;
  private final TaskQueue queue;
  private final EngineConfig config;
  private final Clock clock;
  private final Logger logger;

  private final int iteration;

  DefaultStepContext(Task task, TaskQueue queue, EngineConfig config, Clock clock, int iteration) {
    this.iteration = iteration;
    this.task = task;
    this.queue = queue;
    this.config = config;
    this.clock = clock;
    this.logger = LoggerFactory.getLogger("stepwise.workflow." + task.workflow());
  }

  @Override
  public String runId() {
    return task.runId();
  }

  @Override
  public String workflow() {
    return task.workflow();
  }

  @Override
  public String stepId() {
    return task.stepId();
  }

  @Override
  public int attempt() {
    return task.attempt();
  }

  @Override
  public int iteration() {
    return iteration;
  }

  @Override
  public Logger logger() {
    return logger;
  }

  @Override
  public <T> T suspend(String reason) {
    throw new SuspendSignal(reason);
  }

  @Override
  public void heartbeat() {
    if (!queue.extendLease(task, config.nodeId(), clock.instant().plus(config.lease()))) {
      logger.warn(
          "Step {} of run {} lost its lease; its result will be dropped",
          task.stepId(),
          task.runId());
    }
  }
}

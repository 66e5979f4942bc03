package dev.stepwise.runtime.internal;

import dev.stepwise.runtime.StepContext;
import dev.stepwise.runtime.internal.Rows.Task;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link StepContext} of one execution of a step. */
final class DefaultStepContext implements StepContext {
  private final Task task;
  private final TaskQueue queue;
  private final EngineConfig config;
  private final Clock clock;
  private final Logger logger;

  DefaultStepContext(Task task, TaskQueue queue, EngineConfig config, Clock clock) {
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

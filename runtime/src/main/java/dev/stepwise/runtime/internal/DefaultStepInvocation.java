package dev.stepwise.runtime.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stepwise.runtime.StepContext;
import dev.stepwise.runtime.internal.Rows.Snapshot;
import dev.stepwise.runtime.internal.Rows.Task;
import dev.stepwise.runtime.spi.StepInvocation;
import java.util.Optional;

/** Decodes, on demand, the input, upstream outputs and resume payload a step asks for. */
final class DefaultStepInvocation implements StepInvocation {
  private final JsonCodec codec;
  private final Snapshot snapshot;
  private final Task task;
  private final StepContext context;

  DefaultStepInvocation(JsonCodec codec, Snapshot snapshot, Task task, StepContext context) {
    this.codec = codec;
    this.snapshot = snapshot;
    this.task = task;
    this.context = context;
  }

  @Override
  public <T> T input(Class<T> type) {
    return codec.read(snapshot.input(), type);
  }

  @Override
  public <T> T input(TypeReference<T> type) {
    return codec.read(snapshot.input(), type);
  }

  @Override
  public <T> T output(String stepId, Class<T> type) {
    return codec.read(snapshot.outputs().get(stepId), type);
  }

  @Override
  public <T> T output(String stepId, TypeReference<T> type) {
    return codec.read(snapshot.outputs().get(stepId), type);
  }

  @Override
  public <T> Optional<T> resumePayload(Class<T> type) {
    return Optional.ofNullable(codec.read(task.resumePayload(), type));
  }

  @Override
  public <T> Optional<T> resumePayload(TypeReference<T> type) {
    return Optional.ofNullable(codec.read(task.resumePayload(), type));
  }

  @Override
  public StepContext context() {
    return context;
  }
}

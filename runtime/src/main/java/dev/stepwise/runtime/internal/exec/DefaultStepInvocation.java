package dev.stepwise.runtime.internal.exec;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stepwise.runtime.StepContext;
import dev.stepwise.runtime.internal.json.JsonCodec;
import dev.stepwise.runtime.internal.model.Rows.Snapshot;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.spi.StepInvocation;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/** Decodes, on demand, the input, upstream outputs and resume payload a step asks for. */
public final class DefaultStepInvocation implements StepInvocation {
  private final JsonCodec codec;
  private final Snapshot snapshot;
  private final Task task;
  private final StepContext context;
  private final String itemJson;
  private final Supplier<String> previousJson;
  private final Function<String, String> upstreamJson;
  private String eventJson;

  DefaultStepInvocation(JsonCodec codec, Snapshot snapshot, Task task, StepContext context) {
    this(codec, snapshot, task, context, null);
  }

  /**
   * @param itemJson the element a fan-out execution receives, or null
   */
  DefaultStepInvocation(
      JsonCodec codec, Snapshot snapshot, Task task, StepContext context, String itemJson) {
    this(codec, snapshot, task, context, itemJson, () -> null);
  }

  /**
   * @param previousJson where a loop iteration after the first reads the output of the one before:
   *     asked only when the step takes it ({@code @Previous}), so a loop that carries no state
   *     reads nothing more
   */
  DefaultStepInvocation(
      JsonCodec codec,
      Snapshot snapshot,
      Task task,
      StepContext context,
      String itemJson,
      Supplier<String> previousJson) {
    this(codec, snapshot, task, context, itemJson, previousJson, snapshot.outputs()::get);
  }

  /**
   * @param upstreamJson the output of an upstream step by id: the snapshot's, or for an element of
   *     a fan-out, read on demand ({@link ElementReads})
   */
  DefaultStepInvocation(
      JsonCodec codec,
      Snapshot snapshot,
      Task task,
      StepContext context,
      String itemJson,
      Supplier<String> previousJson,
      Function<String, String> upstreamJson) {
    this.upstreamJson = upstreamJson;
    this.codec = codec;
    this.snapshot = snapshot;
    this.task = task;
    this.context = context;
    this.itemJson = itemJson;
    this.previousJson = previousJson;
  }

  private DSLContext transaction;

  /** Binds a transactional step's DSLContext parameter to the recording transaction. */
  void transaction(DSLContext tx) {
    this.transaction = tx;
  }

  @Override
  public DSLContext transaction() {
    if (transaction == null) {
      throw new IllegalStateException("not a transactional step: no DSLContext to give");
    }
    return transaction;
  }

  @Override
  public <T> Optional<T> previous(Class<T> type) {
    return Optional.ofNullable(codec.read(previousJson.get(), type));
  }

  @Override
  public <T> Optional<T> previous(TypeReference<T> type) {
    return Optional.ofNullable(codec.read(previousJson.get(), type));
  }

  /** Sets the payload of the step's event, once it has arrived. */
  void event(String json) {
    this.eventJson = json;
  }

  @Override
  public <T> T event(Class<T> type) {
    return codec.read(eventJson, type);
  }

  @Override
  public <T> T event(TypeReference<T> type) {
    return codec.read(eventJson, type);
  }

  @Override
  public <T> T item(Class<T> type) {
    return codec.read(itemJson, type);
  }

  @Override
  public <T> T item(TypeReference<T> type) {
    return codec.read(itemJson, type);
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
    return codec.read(upstreamJson.apply(stepId), type);
  }

  @Override
  public <T> T output(String stepId, TypeReference<T> type) {
    return codec.read(upstreamJson.apply(stepId), type);
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

package dev.stepwise.runtime.spi;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stepwise.runtime.StepContext;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * What the engine hands to a generated dispatch when it executes a step or a condition: typed
 * access to the run's input, upstream outputs and the resume payload.
 */
public interface StepInvocation {

  /** The run's input. */
  <T> T input(Class<T> type);

  /** The run's input, for a generic type. */
  <T> T input(TypeReference<T> type);

  /** The output of an upstream step; null if that step returned null, is void, or was skipped. */
  <T> T output(String stepId, Class<T> type);

  /** The output of an upstream step, for a generic type. */
  <T> T output(String stepId, TypeReference<T> type);

  /** The resume payload: empty on a first execution, present when the step was resumed. */
  <T> Optional<T> resumePayload(Class<T> type);

  /** The resume payload, for a generic type. */
  <T> Optional<T> resumePayload(TypeReference<T> type);

  /** The element a {@code @Parallel} step's execution receives ({@code @Item}). */
  default <T> T item(Class<T> type) {
    throw new UnsupportedOperationException("not a @Parallel step: no @Item to read");
  }

  /** The element a {@code @Parallel} step's execution receives, for a generic type. */
  default <T> T item(TypeReference<T> type) {
    throw new UnsupportedOperationException("not a @Parallel step: no @Item to read");
  }

  /** The payload of the event the step waited for ({@code @Event}). */
  default <T> T event(Class<T> type) {
    throw new UnsupportedOperationException("this step waits for no @Event");
  }

  /** The payload of the event the step waited for, for a generic type. */
  default <T> T event(TypeReference<T> type) {
    throw new UnsupportedOperationException("this step waits for no @Event");
  }

  /**
   * A loop step's output of the iteration before ({@code @Previous}): empty on the first iteration
   * (and when that iteration returned null), read from the stored iteration, so it survives a
   * restart.
   */
  default <T> Optional<T> previous(Class<T> type) {
    throw new UnsupportedOperationException("not a loop step: no @Previous to read");
  }

  /** A loop step's output of the iteration before, for a generic type. */
  default <T> Optional<T> previous(TypeReference<T> type) {
    throw new UnsupportedOperationException("not a loop step: no @Previous to read");
  }

  /**
   * The transaction a {@code transactional} step runs in, for its {@code DSLContext} parameter: the
   * step's writes commit with its result.
   */
  default DSLContext transaction() {
    throw new UnsupportedOperationException("not a transactional step: no DSLContext to give");
  }

  /** The context handed to a {@code StepContext} parameter. */
  StepContext context();
}

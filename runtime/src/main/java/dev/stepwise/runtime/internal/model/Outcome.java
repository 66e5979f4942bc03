package dev.stepwise.runtime.internal.model;

import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.commit.Completion;
import java.time.Instant;
import java.util.List;

/** How one execution of a step ended, as the worker hands it to {@link Completion}. */
public sealed interface Outcome {

  /** The step returned; {@code outputJson} is null for void or a null result. */
  record Succeeded(String outputJson) implements Outcome {}

  /** Its {@code when} was false or its {@code unless} true. */
  record Skipped() implements Outcome {}

  /** It called {@code ctx.suspend(reason)}. */
  record Suspended(String reason) implements Outcome {}

  /** It threw and the retry policy allows another attempt at {@code notBefore}. */
  record Retry(StepError error, Instant notBefore) implements Outcome {}

  /** It failed for good: the run fails with this error. */
  record Failed(StepError error) implements Outcome {}

  /** Its {@code @Event} has not arrived: park it until it does, or until {@code deadline}. */
  record AwaitEvent(String event, Instant deadline) implements Outcome {}

  /** A transactional step whose result is already committed; these successors are leased. */
  record Recorded(List<Rows.Task> successors) implements Outcome {}

  /** An iteration of a loop step finished and its condition asks for another. */
  record Repeat(String outputJson, int iteration) implements Outcome {}

  /** The run finished (cancelled or failed) before the step started; it is not executed. */
  record Abandoned() implements Outcome {}
}

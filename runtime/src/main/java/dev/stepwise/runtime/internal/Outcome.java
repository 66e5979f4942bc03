package dev.stepwise.runtime.internal;

import dev.stepwise.runtime.StepError;
import java.time.Instant;

/** How one execution of a step ended, as the worker hands it to {@link Completion}. */
sealed interface Outcome {

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

  /** The run finished (cancelled or failed) before the step started; it is not executed. */
  record Abandoned() implements Outcome {}
}

package dev.stepwise.runtime;

import java.time.Duration;

/**
 * Options for starting a run.
 *
 * @param runId the run id to use; null for a generated UUID. A run id that exists already returns
 *     that run instead of starting a second one.
 * @param idempotencyKey a key unique per workflow; a start with a key already used returns the
 *     first run. Null for none.
 * @param priority higher first: among runs waiting for their workflow's {@code maxParallelism}, and
 *     among steps waiting for a queue; 0 by default, negative for background work
 * @param deduplicationId while a run started with this id (per workflow) is queued or running, a
 *     start with the same id returns that run; once it finished, the id starts a new run. Null for
 *     none.
 * @param debounceKey a start with a key whose run has not begun yet replaces that run's input and
 *     moves its start to {@code debounceWindow} from now: a burst of starts runs once, with the
 *     last input. Null for none.
 * @param debounceMaxWait the longest a debounced run is put off after its first start, however many
 *     starts follow (null: no bound); with {@code debounceKey} only
 * @param debounceWindow how long a debounced run waits for further starts; with {@code debounceKey}
 *     only
 */
public record StartOptions(
    String runId,
    String idempotencyKey,
    int priority,
    String deduplicationId,
    String debounceKey,
    Duration debounceWindow,
    Duration debounceMaxWait) {

  private static final StartOptions DEFAULTS = new StartOptions(null, null);

  public StartOptions {
    if ((debounceKey == null) != (debounceWindow == null)) {
      throw new IllegalArgumentException("A debounce needs both a key and a window");
    }
    if (debounceMaxWait != null
        && (debounceWindow == null || debounceMaxWait.compareTo(debounceWindow) < 0)) {
      throw new IllegalArgumentException(
          "A debounce's maximum wait needs a window no longer than itself: window "
              + debounceWindow
              + ", maximum wait "
              + debounceMaxWait);
    }
    if (debounceWindow != null && (debounceWindow.isNegative() || debounceWindow.isZero())) {
      throw new IllegalArgumentException("The debounce window must be positive: " + debounceWindow);
    }
  }

  /** A run id and an idempotency key, no other option. */
  public StartOptions(String runId, String idempotencyKey) {
    this(runId, idempotencyKey, 0, null, null, null, null);
  }

  /** No run id, no idempotency key. */
  public static StartOptions defaults() {
    return DEFAULTS;
  }

  /** Start with this run id. */
  public static StartOptions withRunId(String runId) {
    return new StartOptions(runId, null);
  }

  /** Start with this idempotency key. */
  public static StartOptions withIdempotencyKey(String key) {
    return new StartOptions(null, key);
  }

  /** A copy with this run id. */
  public StartOptions runId(String id) {
    return new StartOptions(
        id,
        idempotencyKey,
        priority,
        deduplicationId,
        debounceKey,
        debounceWindow,
        debounceMaxWait);
  }

  /** A copy with this idempotency key. */
  public StartOptions idempotencyKey(String key) {
    return new StartOptions(
        runId, key, priority, deduplicationId, debounceKey, debounceWindow, debounceMaxWait);
  }

  /** A copy with this priority (higher first). */
  public StartOptions priority(int priority) {
    return new StartOptions(
        runId,
        idempotencyKey,
        priority,
        deduplicationId,
        debounceKey,
        debounceWindow,
        debounceMaxWait);
  }

  /** A copy with this deduplication id. */
  public StartOptions deduplicationId(String id) {
    return new StartOptions(
        runId, idempotencyKey, priority, id, debounceKey, debounceWindow, debounceMaxWait);
  }

  /** A copy debounced on {@code key}: the run starts once {@code window} passed without another. */
  public StartOptions debounce(String key, Duration window) {
    return new StartOptions(runId, idempotencyKey, priority, deduplicationId, key, window, null);
  }

  /**
   * As {@link #debounce(String, Duration)}, but the run starts at the latest {@code maxWait} after
   * the first start of the burst, so that a key that never goes quiet still runs.
   */
  public StartOptions debounce(String key, Duration window, Duration maxWait) {
    return new StartOptions(runId, idempotencyKey, priority, deduplicationId, key, window, maxWait);
  }
}

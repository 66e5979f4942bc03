package dev.stepwise.runtime;

/**
 * Options for starting a run.
 *
 * @param runId the run id to use; null for a generated UUID. A run id that exists already returns
 *     that run instead of starting a second one.
 * @param idempotencyKey a key unique per workflow; a start with a key already used returns the
 *     first run. Null for none.
 */
public record StartOptions(String runId, String idempotencyKey) {

  private static final StartOptions DEFAULTS = new StartOptions(null, null);

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
    return new StartOptions(id, idempotencyKey);
  }

  /** A copy with this idempotency key. */
  public StartOptions idempotencyKey(String key) {
    return new StartOptions(runId, key);
  }
}

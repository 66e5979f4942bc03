package dev.stepwise.runtime;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which runs of a workflow to list or to act on in bulk, newest first. Every part is optional;
 * {@link #all()} matches every run. Listing pages by {@code after}, the {@link RunPage#next()} of
 * the page before, so a page costs the same however many runs came before it.
 *
 * @param statuses the runs' statuses; empty for any
 * @param createdFrom runs created at or after this; null for no bound
 * @param createdBefore runs created before this; null for no bound
 * @param runIdPrefix runs whose id starts with this; null for any
 * @param idempotencyKey the run with this key; null for any
 * @param errorType failed runs whose error has this type (a class name); null for any
 * @param limit the most runs on a page, 1 to 1,000
 * @param after where the page starts: the previous page's {@code next}; null for the first page
 */
public record RunQuery(
    Set<Status> statuses,
    Instant createdFrom,
    Instant createdBefore,
    String runIdPrefix,
    String idempotencyKey,
    String errorType,
    int limit,
    String after) {

  /** The most runs a page may hold. */
  public static final int MAX_LIMIT = 1000;

  public RunQuery {
    statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
    }
  }

  /** Every run, 100 per page. */
  public static RunQuery all() {
    return new RunQuery(Set.of(), null, null, null, null, null, 100, null);
  }

  /** Runs in one of these statuses. */
  public RunQuery status(Status first, Status... more) {
    return new RunQuery(
        EnumSet.of(first, more),
        createdFrom,
        createdBefore,
        runIdPrefix,
        idempotencyKey,
        errorType,
        limit,
        after);
  }

  /** Runs created in {@code [from, before)}; either may be null. */
  public RunQuery created(Instant from, Instant before) {
    return new RunQuery(
        statuses, from, before, runIdPrefix, idempotencyKey, errorType, limit, after);
  }

  /** Runs whose id starts with {@code prefix}. */
  public RunQuery runIdPrefix(String prefix) {
    return new RunQuery(
        statuses, createdFrom, createdBefore, prefix, idempotencyKey, errorType, limit, after);
  }

  /** The run with this idempotency key. */
  public RunQuery idempotencyKey(String key) {
    return new RunQuery(
        statuses, createdFrom, createdBefore, runIdPrefix, key, errorType, limit, after);
  }

  /** Failed runs whose error has this type. */
  public RunQuery errorType(String type) {
    return new RunQuery(
        statuses, createdFrom, createdBefore, runIdPrefix, idempotencyKey, type, limit, after);
  }

  /** At most {@code limit} runs per page. */
  public RunQuery limit(int limit) {
    return new RunQuery(
        statuses, createdFrom, createdBefore, runIdPrefix, idempotencyKey, errorType, limit, after);
  }

  /** The page after the one whose {@link RunPage#next()} is {@code cursor}. */
  public RunQuery after(String cursor) {
    return new RunQuery(
        statuses,
        createdFrom,
        createdBefore,
        runIdPrefix,
        idempotencyKey,
        errorType,
        limit,
        cursor);
  }
}

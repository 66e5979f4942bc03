package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_EVENTS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;
import static dev.stepwise.runtime.internal.store.StepStore.fenced;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.Rows.Task;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record3;

/**
 * Events ({@code @Event}): the rows of {@code sw_events}, and the wait state of the step rows that
 * wait for them ({@code wait_event}, {@code wait_until}).
 */
public final class EventRows {
  private EventRows() {}

  /** An event a run has; {@code payload} is its JSON, null for a null payload. */
  public record Sent(String payload) {}

  /** How a step row waits: the event it was parked for (null if never) and its deadline. */
  public record WaitState(String event, Instant until) {}

  /** The event {@code name} of {@code runId}, if it was sent. */
  public static Optional<Sent> find(DSLContext dsl, String runId, String name) {
    return dsl.select(SW_EVENTS.PAYLOAD)
        .from(SW_EVENTS)
        .where(event(runId, name))
        .fetchOptional(r -> new Sent(r.value1()));
  }

  /** Whether {@code runId} has the event {@code name}. */
  public static boolean exists(DSLContext tx, String runId, String name) {
    return tx.fetchExists(SW_EVENTS, event(runId, name));
  }

  /** Stores the event; the caller checked under the run lock that the run does not have it. */
  public static void insert(DSLContext tx, String runId, String name, String payload, Instant now) {
    tx.insertInto(SW_EVENTS)
        .set(SW_EVENTS.RUN_ID, runId)
        .set(SW_EVENTS.NAME, name)
        .set(SW_EVENTS.PAYLOAD, payload)
        .set(SW_EVENTS.RECEIVED_AT, odt(now))
        .execute();
  }

  /** The wait state of {@code task}'s row; empty if the row is gone. */
  public static Optional<WaitState> waitState(DSLContext dsl, Task task) {
    Record3<String, OffsetDateTime, String> row =
        dsl.select(SW_STEPS.WAIT_EVENT, SW_STEPS.WAIT_UNTIL, SW_STEPS.STEP_ID)
            .from(SW_STEPS)
            .where(SW_STEPS.RUN_ID.eq(task.runId()).and(SW_STEPS.STEP_ID.eq(task.stepId())))
            .fetchOne();
    if (row == null) {
      return Optional.empty();
    }
    Instant until = row.value2() == null ? null : row.value2().toInstant();
    return Optional.of(new WaitState(row.value1(), until));
  }

  /** Leased -> WAITING for {@code event} until {@code deadline}; false if the lease was lost. */
  public static boolean park(
      DSLContext tx, Task task, String owner, String event, Instant deadline, Instant now) {
    return release(tx, task, owner, Status.WAITING, event, deadline, now);
  }

  /**
   * Leased -> PENDING, for a step whose event arrived while it looked; it keeps its wait state (the
   * deadline is set once). False if the lease was lost.
   */
  public static boolean requeue(
      DSLContext tx, Task task, String owner, String event, Instant deadline, Instant now) {
    return release(tx, task, owner, Status.PENDING, event, deadline, now);
  }

  /** WAITING -> PENDING for every step of {@code runId} that waits for {@code event}. */
  public static int wake(DSLContext tx, String runId, String event, Instant now) {
    return WaitingSteps.wake(
        tx,
        SW_STEPS
            .RUN_ID
            .eq(runId)
            .and(SW_STEPS.STATUS.eq(Status.WAITING.name()))
            .and(SW_STEPS.WAIT_EVENT.eq(event)),
        now);
  }

  private static boolean release(
      DSLContext tx,
      Task task,
      String owner,
      Status status,
      String event,
      Instant deadline,
      Instant now) {
    int n =
        tx.update(SW_STEPS)
            .set(SW_STEPS.STATUS, status.name())
            // Waiting is not an attempt: give back the one the claim counted.
            .set(SW_STEPS.ATTEMPTS, SW_STEPS.ATTEMPTS.minus(1))
            .set(SW_STEPS.WAIT_EVENT, event)
            .set(SW_STEPS.WAIT_UNTIL, odt(deadline))
            .set(SW_STEPS.NOT_BEFORE, odt(now))
            .set(SW_STEPS.LEASE_OWNER, (String) null)
            .set(SW_STEPS.LEASE_UNTIL, (OffsetDateTime) null)
            .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
            .where(fenced(task, owner))
            .execute();
    return StepStore.checkOne(n, task) == 1;
  }

  private static Condition event(String runId, String name) {
    return SW_EVENTS.RUN_ID.eq(runId).and(SW_EVENTS.NAME.eq(name));
  }
}

package dev.stepwise.runtime.internal.commit;

import static dev.stepwise.runtime.internal.db.Tables.SW_EVENTS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.RunRepository.checkOne;
import static dev.stepwise.runtime.internal.store.RunRepository.fenced;
import static dev.stepwise.runtime.internal.store.RunRepository.odt;

import dev.stepwise.runtime.EventTimeoutException;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.internal.exec.TimerQueue;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.progress.GraphProgress;
import dev.stepwise.runtime.internal.store.RunRepository;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record3;

/**
 * Events ({@code @Event}). A sent event is a row of {@code sw_events}, kept whether or not a step
 * waits for it yet. A step with an event is queued like any other; when it executes and its event
 * is not there, it is parked {@code WAITING} with {@code wait_event} (and its deadline in {@code
 * wait_until}, fired by {@link TimerQueue}); a send moves waiting steps back to {@code PENDING}
 * under the run lock, so a send and a park never miss each other.
 */
public final class EventInbox {
  private EventInbox() {}

  /**
   * Whether the event has arrived, and how the step's row waits.
   *
   * @param received whether the run has the event
   * @param payload its JSON payload (null for a null payload, or when not received)
   * @param waitEvent the event the row was parked for, or null if it never was
   * @param waitUntil the row's deadline, or null
   */
  public record Arrival(boolean received, String payload, String waitEvent, Instant waitUntil) {}

  /** Reads the event for {@code task}'s step and the row's wait state; outside a transaction. */
  public static Arrival arrival(DSLContext dsl, Task task, String event) {
    Optional<String[]> sent =
        dsl.select(SW_EVENTS.PAYLOAD)
            .from(SW_EVENTS)
            .where(SW_EVENTS.RUN_ID.eq(task.runId()).and(SW_EVENTS.NAME.eq(event)))
            .fetchOptional(r -> new String[] {r.value1()});
    Record3<String, OffsetDateTime, String> row =
        dsl.select(SW_STEPS.WAIT_EVENT, SW_STEPS.WAIT_UNTIL, SW_STEPS.STEP_ID)
            .from(SW_STEPS)
            .where(SW_STEPS.RUN_ID.eq(task.runId()).and(SW_STEPS.STEP_ID.eq(task.stepId())))
            .fetchOne();
    String waitEvent = row == null ? null : row.value1();
    Instant waitUntil = row == null || row.value2() == null ? null : row.value2().toInstant();
    return new Arrival(sent.isPresent(), sent.map(p -> p[0]).orElse(null), waitEvent, waitUntil);
  }

  /** The outcome of a step whose event has not arrived: park it, or time it out. */
  public static Outcome notYet(StepSpec spec, Arrival arrival, Instant now) {
    String event = spec.options().event();
    boolean parkedBefore = event.equals(arrival.waitEvent());
    if (parkedBefore && arrival.waitUntil() != null && !arrival.waitUntil().isAfter(now)) {
      if (spec.options().skipOnEventTimeout()) {
        return new Outcome.Skipped();
      }
      return new Outcome.Failed(
          new StepError(
              EventTimeoutException.class.getName(),
              "Step \""
                  + spec.id()
                  + "\" waited "
                  + spec.options().eventTimeout()
                  + " for event \""
                  + event
                  + "\", which did not arrive",
              null));
    }
    Duration limit = spec.options().eventTimeout();
    // The deadline is set once, when the step first waits; a re-queue keeps it.
    Instant deadline = parkedBefore ? arrival.waitUntil() : limit == null ? null : now.plus(limit);
    return new Outcome.AwaitEvent(event, deadline);
  }

  /**
   * Parks the step WAITING for its event, fenced on the lease. If the event arrived since the step
   * looked, it is queued again instead. Returns what changed.
   */
  static Parked park(
      RunRepository repo,
      WorkflowGraph graph,
      Task task,
      String owner,
      Outcome.AwaitEvent wait,
      Instant now) {
    return repo.inTransaction(
        tx -> {
          Optional<RunRow> run = repo.lockRun(tx, task.runId());
          if (run.isEmpty() || run.get().status().isTerminal()) {
            return Parked.NOTHING; // cancel or failure has cancelled the step already
          }
          boolean arrived =
              tx.fetchExists(
                  SW_EVENTS,
                  SW_EVENTS.RUN_ID.eq(task.runId()).and(SW_EVENTS.NAME.eq(wait.event())));
          int n =
              tx.update(SW_STEPS)
                  .set(SW_STEPS.STATUS, arrived ? Status.PENDING.name() : Status.WAITING.name())
                  // Waiting is not an attempt: give back the one the claim counted.
                  .set(SW_STEPS.ATTEMPTS, SW_STEPS.ATTEMPTS.minus(1))
                  .set(SW_STEPS.WAIT_EVENT, wait.event())
                  .set(SW_STEPS.WAIT_UNTIL, odt(wait.deadline()))
                  .set(SW_STEPS.NOT_BEFORE, odt(now))
                  .set(SW_STEPS.LEASE_OWNER, (String) null)
                  .set(SW_STEPS.LEASE_UNTIL, (OffsetDateTime) null)
                  .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
                  .where(fenced(task, owner))
                  .execute();
          if (checkOne(n, task) == 0) {
            return Parked.NOTHING;
          }
          boolean changed = false;
          if (!arrived) {
            Status status = runStatus(repo, tx, graph, task.runId());
            if (status != run.get().status()) {
              repo.setRunStatus(tx, task.runId(), status, now);
              changed = true;
            }
          }
          return new Parked(arrived, changed, arrived ? null : wait.deadline());
        });
  }

  /** What parking did: re-queued the step, changed the run's status, set a deadline. */
  record Parked(boolean queued, boolean runChanged, Instant deadline) {
    static final Parked NOTHING = new Parked(false, false, null);
  }

  /**
   * Stores the event and wakes the steps waiting for it; false if the run had it already. The run
   * lock orders this against {@link #park}.
   */
  public static boolean send(
      RunRepository repo, String runId, String event, String payload, Instant now) {
    return repo.inTransaction(
        tx -> {
          RunRow run =
              repo.lockRun(tx, runId)
                  .orElseThrow(() -> new StepwiseException("No run \"" + runId + "\""));
          if (run.status().isTerminal()) {
            throw new StepwiseException(
                "Run "
                    + runId
                    + " is "
                    + run.status()
                    + "; event \""
                    + event
                    + "\" was not delivered");
          }
          boolean known =
              tx.fetchExists(SW_EVENTS, SW_EVENTS.RUN_ID.eq(runId).and(SW_EVENTS.NAME.eq(event)));
          if (known) {
            return false;
          }
          tx.insertInto(SW_EVENTS)
              .set(SW_EVENTS.RUN_ID, runId)
              .set(SW_EVENTS.NAME, event)
              .set(SW_EVENTS.PAYLOAD, payload)
              .set(SW_EVENTS.RECEIVED_AT, odt(now))
              .execute();
          int woken =
              tx.update(SW_STEPS)
                  .set(SW_STEPS.STATUS, Status.PENDING.name())
                  .set(SW_STEPS.NOT_BEFORE, odt(now))
                  .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
                  .where(
                      SW_STEPS
                          .RUN_ID
                          .eq(runId)
                          .and(SW_STEPS.STATUS.eq(Status.WAITING.name()))
                          .and(SW_STEPS.WAIT_EVENT.eq(event)))
                  .execute();
          if (woken > 0 && run.status() != Status.RUNNING) {
            repo.setRunStatus(tx, runId, Status.RUNNING, now);
          }
          return true;
        });
  }

  private static Status runStatus(
      RunRepository repo, DSLContext tx, WorkflowGraph graph, String runId) {
    Map<String, Status> statuses = new HashMap<>();
    for (StepRow s : repo.steps(tx, runId)) {
      statuses.put(s.stepId(), s.status());
    }
    return GraphProgress.runStatus(graph, statuses);
  }
}

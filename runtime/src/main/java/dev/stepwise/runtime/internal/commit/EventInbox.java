package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.internal.exec.TimerQueue;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.progress.EventWait;
import dev.stepwise.runtime.internal.store.EventRows;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.StepStore;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

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
    Optional<EventRows.Sent> sent = EventRows.find(dsl, task.runId(), event);
    Optional<EventRows.WaitState> wait = EventRows.waitState(dsl, task);
    return new Arrival(
        sent.isPresent(),
        sent.map(EventRows.Sent::payload).orElse(null),
        wait.map(EventRows.WaitState::event).orElse(null),
        wait.map(EventRows.WaitState::until).orElse(null));
  }

  /** The outcome of a step whose event has not arrived: park it, or time it out. */
  public static Outcome notYet(StepSpec spec, Arrival arrival, Instant now) {
    return EventWait.notYet(spec, arrival.waitEvent(), arrival.waitUntil(), now);
  }

  /**
   * Parks the step WAITING for its event, fenced on the lease. If the event arrived since the step
   * looked, it is queued again instead. Returns what changed.
   */
  static Parked park(
      RunStore repo,
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
          boolean arrived = EventRows.exists(tx, task.runId(), wait.event());
          boolean released =
              arrived
                  ? EventRows.requeue(tx, task, owner, wait.event(), wait.deadline(), now)
                  : EventRows.park(tx, task, owner, wait.event(), wait.deadline(), now);
          if (!released) {
            return Parked.NOTHING;
          }
          if (arrived) {
            return new Parked(true, false, null);
          }
          Optional<Status> status =
              EventWait.runStatusAfterPark(
                  graph, StepStore.steps(tx, task.runId()), run.get().status());
          status.ifPresent(s -> repo.setRunStatus(tx, task.runId(), s, now));
          return new Parked(false, status.isPresent(), wait.deadline());
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
      RunStore repo, String runId, String event, String payload, Instant now) {
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
          if (EventRows.exists(tx, runId, event)) {
            return false; // the first send of a name wins, so a retried send is harmless
          }
          EventRows.insert(tx, runId, event, payload, now);
          int woken = EventRows.wake(tx, runId, event, now);
          if (woken > 0 && run.status() != Status.RUNNING) {
            repo.setRunStatus(tx, runId, Status.RUNNING, now);
          }
          return true;
        });
  }
}

package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.progress.FamilyStatus;
import dev.stepwise.runtime.internal.store.ChildRunRows;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.StepStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Child workflows. A step starts a child run with the id {@code parentRun/stepId} (so a rerun of
 * the step finds the same child), and is parked WAITING for the event {@code child:<childRunId>}
 * until the child finishes; the node that commits the child's final state sends that event to the
 * parent. The id prefix is the link: cancelling a run cancels every run whose id starts with {@code
 * runId/}, and the parent's status lists its children's steps as {@code step/childStep}.
 */
public final class ChildRuns {
  private static final Logger log = LoggerFactory.getLogger(ChildRuns.class);

  /** How often a parked parent step checks on its child anyway, should a wake-up be lost. */
  public static final Duration RECHECK = Duration.ofSeconds(30);

  private ChildRuns() {}

  /** After a commit that changed {@code runId}: if it is a child that finished, wake its parent. */
  public static Optional<String> wakeParent(RunStore repo, String runId, Instant now) {
    int slash = runId.lastIndexOf('/');
    if (slash <= 0) {
      return Optional.empty(); // not a child: no read at all
    }
    Optional<RunRow> run = repo.findRun(runId);
    if (run.isEmpty() || !run.get().status().isTerminal()) {
      return Optional.empty();
    }
    String parent = runId.substring(0, slash);
    try {
      EventInbox.send(repo, parent, Ids.childEventOf(runId), null, now);
      return Optional.of(parent);
    } catch (StepwiseException e) {
      // The parent finished or is gone (cancelled it, for instance): nobody waits.
      log.debug("Parent {} of finished child {} not woken: {}", parent, runId, e.getMessage());
      return Optional.empty();
    }
  }

  /** Cancels every unfinished descendant of {@code runId}; returns their ids. */
  public static List<String> cancelDescendants(RunStore repo, String runId, Instant now) {
    List<String> cancelled = new ArrayList<>();
    for (String id : ChildRunRows.descendantIds(repo.dsl(), runId)) {
      boolean done =
          repo.inTransaction(
              tx -> {
                Optional<RunRow> run = repo.lockRun(tx, id);
                if (run.isEmpty() || run.get().status().isTerminal()) {
                  return false;
                }
                repo.setRunStatus(tx, id, Status.CANCELLED, now);
                StepStore.cancelOpenSteps(tx, id, now);
                return true;
              });
      if (done) {
        cancelled.add(id);
      }
    }
    return cancelled;
  }

  /**
   * The parent's status with its descendants' steps appended as {@code step/childStep}; a parent
   * that waits on a suspended child shows as SUSPENDED.
   */
  public static RunStatus withChildren(RunStore repo, RunStatus parent) {
    return FamilyStatus.withChildren(
        parent, ChildRunRows.descendantSteps(repo.dsl(), parent.runId()));
  }
}

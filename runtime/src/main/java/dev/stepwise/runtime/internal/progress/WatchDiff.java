package dev.stepwise.runtime.internal.progress;

import dev.stepwise.runtime.RunChange;
import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The changes between two snapshots of a run, in order. Pure. Changes that happened between the two
 * reads are reconstructed from the attempt counter: a step seen RUNNING on attempt 1 and then
 * SUCCEEDED on attempt 3 had two retries scheduled and two more starts, and the listener sees each
 * of them. Each step's changes are in order; steps are ordered by when they last started (or
 * finished); the run's own change comes first when it became RUNNING, last otherwise. A step
 * suspended and resumed between two reads is shown suspended too (see {@link #resumedAttempt}).
 */
public final class WatchDiff {
  private WatchDiff() {}

  /** The changes from {@code before} (null: the run as nothing happened yet) to {@code after}. */
  public static List<RunChange> diff(RunStatus before, RunStatus after) {
    List<List<RunChange>> perStep = new ArrayList<>();
    List<Instant> keys = new ArrayList<>();
    for (StepStatus cur : after.steps()) {
      StepStatus prev =
          before == null
              ? StepStatus.notReached(cur.stepId())
              : before.step(cur.stepId()).orElse(StepStatus.notReached(cur.stepId()));
      List<RunChange> changes = step(after.runId(), prev, cur);
      if (!changes.isEmpty()) {
        perStep.add(changes);
        keys.add(
            cur.startedAt() != null
                ? cur.startedAt()
                : cur.finishedAt() != null ? cur.finishedAt() : Instant.MAX);
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < perStep.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(keys::get)); // stable: graph order breaks ties
    List<RunChange> out = new ArrayList<>();
    order.forEach(i -> out.addAll(perStep.get(i)));
    if (before == null || before.status() != after.status()) {
      RunChange run =
          new RunChange(
              after.runId(),
              null,
              after.status(),
              0,
              after.status().isTerminal() ? after.updatedAt() : null);
      // A run becomes RUNNING before its steps start (or restart, after a resume); every other
      // status of the run (suspended, waiting, finished) is the consequence of its steps' changes.
      if (after.status() == Status.RUNNING) {
        out.add(0, run);
      } else {
        out.add(run);
      }
    }
    return out;
  }

  private static List<RunChange> step(String runId, StepStatus prev, StepStatus cur) {
    List<RunChange> out = new ArrayList<>();
    int from = prev.attempts();
    Status last = prev.status();
    if (cur.attempts() < from) {
      // Attempts start again: the next iteration of a loop, or a re-queued event wait.
      from = 0;
      last = Status.PENDING;
    }
    int suspended = resumedAttempt(cur);
    for (int k = from + 1; k <= cur.attempts(); k++) {
      // Every execution starts from PENDING (a retry scheduled, a resume, an event, a timer);
      // show it even when the read came too late to see it, so the sequence does not depend on
      // timing.
      if (last != Status.PENDING) {
        if (k - 1 == suspended && last != Status.SUSPENDED) {
          out.add(new RunChange(runId, cur.stepId(), Status.SUSPENDED, k - 1, null));
        }
        out.add(new RunChange(runId, cur.stepId(), Status.PENDING, k - 1, null));
      }
      Instant started = k == cur.attempts() ? cur.startedAt() : null;
      out.add(new RunChange(runId, cur.stepId(), Status.RUNNING, k, started));
      last = Status.RUNNING;
    }
    if (cur.status() != last) {
      if (cur.status() == Status.PENDING && suspended == cur.attempts() && last == Status.RUNNING) {
        out.add(new RunChange(runId, cur.stepId(), Status.SUSPENDED, cur.attempts(), null));
      }
      Instant at = cur.status().isTerminal() ? cur.finishedAt() : null;
      out.add(new RunChange(runId, cur.stepId(), cur.status(), cur.attempts(), at));
    }
    return out;
  }

  /**
   * The attempt that suspended, if the step was resumed since and has not recorded a result yet: it
   * still carries its suspend reason (only a result clears it) and no error of a later failed
   * attempt. A read that came after the suspend and the resume would otherwise never show the
   * suspension. -1 if there is none to show.
   */
  private static int resumedAttempt(StepStatus cur) {
    if (cur.suspendReason() == null || cur.error() != null) {
      return -1;
    }
    if (cur.status() == Status.PENDING) {
      return cur.attempts();
    }
    return cur.status() == Status.RUNNING ? cur.attempts() - 1 : -1;
  }
}

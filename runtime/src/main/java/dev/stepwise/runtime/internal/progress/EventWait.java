package dev.stepwise.runtime.internal.progress;

import dev.stepwise.runtime.EventTimeoutException;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decisions about a step whose event has not arrived: park it, time it out, re-status the run. */
public final class EventWait {
  private EventWait() {}

  /**
   * The outcome of step {@code spec} whose event has not arrived: park it, or time it out.
   *
   * @param waitEvent the event the row was parked for before, or null if it never was
   * @param waitUntil the row's deadline, or null
   */
  public static Outcome notYet(StepSpec spec, String waitEvent, Instant waitUntil, Instant now) {
    String event = spec.options().event();
    boolean parkedBefore = event.equals(waitEvent);
    if (parkedBefore && waitUntil != null && !waitUntil.isAfter(now)) {
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
    Instant deadline = parkedBefore ? waitUntil : limit == null ? null : now.plus(limit);
    return new Outcome.AwaitEvent(event, deadline);
  }

  /**
   * The run's status once one of its steps is parked waiting ({@code steps} as they are after the
   * park); empty when {@code current} stays.
   */
  public static Optional<Status> runStatusAfterPark(
      WorkflowGraph graph, List<StepRow> steps, Status current) {
    Map<String, Status> statuses = new HashMap<>();
    for (StepRow s : steps) {
      statuses.put(s.stepId(), s.status());
    }
    Status status = GraphProgress.runStatus(graph, statuses);
    return status == current ? Optional.empty() : Optional.of(status);
  }
}

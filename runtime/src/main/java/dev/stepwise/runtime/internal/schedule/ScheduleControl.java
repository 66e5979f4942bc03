package dev.stepwise.runtime.internal.schedule;

import dev.stepwise.runtime.ScheduleStatus;
import dev.stepwise.runtime.Schedules;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.internal.model.IdRules;
import dev.stepwise.runtime.internal.model.ScheduleRow;
import dev.stepwise.runtime.internal.store.ScheduleRows;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link Schedules} on the stored rows: what callers see of schedules and how they steer them. */
public final class ScheduleControl implements Schedules {
  private final ScheduleRows rows;
  private final ScheduleBook book;
  private final Consumer<Instant> wakeAt;
  private final Clock clock;

  ScheduleControl(ScheduleRows rows, ScheduleBook book, Consumer<Instant> wakeAt, Clock clock) {
    this.rows = rows;
    this.book = book;
    this.wakeAt = wakeAt;
    this.clock = clock;
  }

  @Override
  public List<ScheduleStatus> list() {
    return rows.all().stream().map(ScheduleControl::status).toList();
  }

  @Override
  public Optional<ScheduleStatus> find(String name) {
    return rows.find(name).map(ScheduleControl::status);
  }

  @Override
  public void pause(String name) {
    stored(name);
    rows.setPaused(name, true, null);
  }

  @Override
  public void resume(String name) {
    ScheduleRow row = stored(name);
    // From now: the ticks that passed while it was paused are not caught up.
    Instant next = CronTicks.parse(row.cron(), row.zone()).nextAfter(clock.instant()).orElse(null);
    rows.setPaused(name, false, next);
    if (next != null) {
      wakeAt.accept(next);
    }
  }

  @Override
  public String triggerNow(String name) {
    ScheduleRow row = stored(name);
    WorkflowClient client =
        book.client(row.workflow())
            .orElseThrow(
                () ->
                    new StepwiseException(
                        "Schedule "
                            + IdRules.quote(name)
                            + " starts workflow \""
                            + row.workflow()
                            + "\", which is not registered on this engine; trigger it on a node"
                            + " that registered it"));
    Instant now = clock.instant();
    String runId = client.start(now, StartOptions.withRunId(ScheduleBook.runId(name, now)));
    rows.recordRun(name, now, runId);
    return runId;
  }

  @Override
  public void delete(String name) {
    stored(name);
    if (book.names().contains(name)) {
      throw new StepwiseException(
          "Schedule "
              + IdRules.quote(name)
              + " is declared by a workflow registered on this engine, which would store it again"
              + " at its next start; remove the @Schedule from the code and redeploy, then delete"
              + " it");
    }
    rows.delete(name);
  }

  private ScheduleRow stored(String name) {
    return rows.find(name).orElseThrow(() -> unknown(name));
  }

  private StepwiseException unknown(String name) {
    List<String> names = rows.all().stream().map(ScheduleRow::name).toList();
    return new StepwiseException(
        "No schedule is named "
            + IdRules.quote(name)
            + (names.isEmpty()
                ? "; no schedule is stored yet"
                : "; the schedules are " + String.join(", ", names))
            + " (a schedule is stored when an engine that registered its workflow starts)");
  }

  private static ScheduleStatus status(ScheduleRow r) {
    return new ScheduleStatus(
        r.name(),
        r.workflow(),
        r.cron(),
        r.zone(),
        r.paused(),
        r.nextTick(),
        r.lastTick(),
        r.lastRunId());
  }
}

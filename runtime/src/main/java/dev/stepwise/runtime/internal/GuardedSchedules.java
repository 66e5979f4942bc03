package dev.stepwise.runtime.internal;

import dev.stepwise.runtime.ScheduleStatus;
import dev.stepwise.runtime.Schedules;
import java.util.List;
import java.util.Optional;

/**
 * The public {@link Schedules}, whose calls report an outage as a {@code
 * DatabaseUnavailableException} that names the call, as every other call of the API does.
 */
final class GuardedSchedules implements Schedules {
  private final Schedules schedules;
  private final DatabaseCalls db;

  GuardedSchedules(Schedules schedules, DatabaseCalls db) {
    this.schedules = schedules;
    this.db = db;
  }

  @Override
  public List<ScheduleStatus> list() {
    return db.call("list the schedules", schedules::list);
  }

  @Override
  public Optional<ScheduleStatus> find(String name) {
    return db.call("read schedule \"" + name + "\"", () -> schedules.find(name));
  }

  @Override
  public void pause(String name) {
    db.run("pause schedule \"" + name + "\"", () -> schedules.pause(name));
  }

  @Override
  public void resume(String name) {
    db.run("resume schedule \"" + name + "\"", () -> schedules.resume(name));
  }

  @Override
  public String triggerNow(String name) {
    return db.call("trigger schedule \"" + name + "\"", () -> schedules.triggerNow(name));
  }

  @Override
  public void delete(String name) {
    db.run("delete schedule \"" + name + "\"", () -> schedules.delete(name));
  }
}

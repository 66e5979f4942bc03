package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.flows.TickFlow;
import dev.stepwise.runtime.spi.ScheduleSpec;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.Await;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Cron schedules: exactly one run per tick across nodes, missed ticks after a downtime, pause and
 * resume, triggers, the listing and the errors. Every schedule ticks each second, so a test sees
 * several ticks in a few seconds; the waits are bounded conditions, never sleeps.
 */
abstract class ScheduleContract extends EngineContract {
  private static final String EVERY_SECOND = "*/1 * * * * *";
  private static final Duration SMALL_TOLERANCE = Duration.ofMillis(200);

  private static ScheduleSpec everySecond(String name, boolean catchUp, int limit, Duration tol) {
    return new ScheduleSpec(name, EVERY_SECOND, "UTC", catchUp, limit, tol);
  }

  /** An engine with {@code flow}'s workflow "ticker" and this schedule; started. */
  private WorkflowClient startTicker(Stepwise engine, TickFlow flow, ScheduleSpec schedule) {
    WorkflowClient client = engine.register(new TickFlow.Definition(flow, "ticker", schedule));
    engine.start();
    return client;
  }

  /** The ticks of the stored runs of the schedule, from their ids (name@tick). */
  private static TreeSet<Instant> ticksOfRuns(WorkflowClient client, String name) {
    TreeSet<Instant> ticks = new TreeSet<>();
    for (RunStatus run : client.list(1000)) {
      assertThat(run.runId()).startsWith(name + "@");
      ticks.add(Instant.parse(run.runId().substring(name.length() + 1)));
    }
    return ticks;
  }

  private static ScheduleStatus status(Stepwise engine, String name) {
    return engine.schedules().find(name).orElseThrow();
  }

  /** Waits until the schedule started a run for a tick after {@code instant}. */
  private static void awaitTickAfter(Stepwise engine, String name, Instant instant) {
    Await.until(
        "schedule " + name + " started a tick after " + instant,
        WAIT,
        () -> {
          Instant last = status(engine, name).lastTick();
          return last != null && last.isAfter(instant);
        });
  }

  private static void awaitClockPast(Instant instant) {
    Await.until("the clock passed " + instant, WAIT, () -> Instant.now().isAfter(instant));
  }

  @Test
  void aScheduleStartsExactlyOneRunPerTickAcrossTwoEngines() {
    TickFlow flow = new TickFlow();
    ScheduleSpec schedule = everySecond("every-second", false, 0, Duration.ofMinutes(1));
    WorkflowClient client = startTicker(engine(b -> b.nodeId("a")), flow, schedule);
    startTicker(engine(b -> b.nodeId("b")), flow, schedule);

    Await.until("five ticks started", WAIT, () -> ticksOfRuns(client, "every-second").size() >= 5);

    List<RunStatus> runs = client.list(1000);
    TreeSet<Instant> ticks = ticksOfRuns(client, "every-second");
    assertThat(ticks).hasSameSizeAs(runs);
    Instant expected = ticks.first();
    for (Instant tick : ticks) {
      assertThat(tick).as("consecutive ticks, no gap").isEqualTo(expected);
      expected = expected.plusSeconds(1);
    }
    for (RunStatus run : runs) {
      assertThat(client.awaitCompletion(run.runId(), WAIT).status()).isEqualTo(Status.SUCCEEDED);
      assertThat(flow.executions.get(run.runId()).get()).as(run.runId()).isEqualTo(1);
    }
  }

  @Test
  void catchUpStartsOnlyTheMostRecentMissedTicksAfterADowntime() {
    ScheduleSpec schedule = everySecond("catching-up", true, 2, SMALL_TOLERANCE);
    Restart restart = restartAfterDowntime(schedule);
    // The two most recent missed ticks, plus at most the one that came due in time for it.
    assertThat(restart.startedAtFirstFiring()).hasSizeBetween(2, 3);
    Instant expected = restart.startedAtFirstFiring().first();
    for (Instant tick : restart.startedAtFirstFiring()) {
      assertThat(tick).as("consecutive ticks").isEqualTo(expected);
      expected = expected.plusSeconds(1);
    }
    // The older missed ticks (the downtime spanned four) were not started.
    assertThat(restart.startedAtFirstFiring().first())
        .isAfter(restart.lastBeforeStop().plusSeconds(1));
  }

  @Test
  void skipStartsNoneOfTheMissedTicksAfterADowntime() {
    ScheduleSpec schedule = everySecond("skipping", false, 2, SMALL_TOLERANCE);
    Restart restart = restartAfterDowntime(schedule);
    // At most the tick that came due in time for the first firing; none of the missed ones.
    assertThat(restart.startedAtFirstFiring()).hasSizeLessThanOrEqualTo(1);
    if (!restart.startedAtFirstFiring().isEmpty()) {
      assertThat(restart.startedAtFirstFiring().first())
          .isAfter(restart.lastBeforeStop().plusSeconds(3));
    }
  }

  /**
   * @param lastBeforeStop the last tick the first engine started
   * @param startedAtFirstFiring the ticks after it that the second engine started in its first
   *     firing: those due before its first run was created
   */
  private record Restart(Instant lastBeforeStop, TreeSet<Instant> startedAtFirstFiring) {}

  /**
   * Runs the schedule until it ticked, stops the engine across four ticks, starts another one and
   * returns what its first firing started. Which ticks that firing finds missed depends on how long
   * the restart took, and a loaded machine may create an on-time run later than the tolerance, so
   * the tests bound the count rather than read lateness off creation times.
   */
  private Restart restartAfterDowntime(ScheduleSpec schedule) {
    String name = schedule.name();
    Stepwise first = engine();
    startTicker(first, new TickFlow(), schedule);
    awaitTickAfter(first, name, Instant.EPOCH);
    first.close();
    Instant lastBeforeStop = status(engine(), name).lastTick();

    awaitClockPast(lastBeforeStop.plusSeconds(4));
    Instant restart = Instant.now();
    Stepwise second = engine();
    WorkflowClient client = startTicker(second, new TickFlow(), schedule);
    awaitTickAfter(second, name, restart.plusSeconds(1));

    List<RunStatus> after = new ArrayList<>();
    for (RunStatus run : client.list(1000)) {
      if (tickOf(name, run).isAfter(lastBeforeStop)) {
        after.add(run);
      }
    }
    Instant firstFiring =
        after.stream().map(RunStatus::createdAt).min(Instant::compareTo).orElseThrow();
    TreeSet<Instant> started = new TreeSet<>();
    for (RunStatus run : after) {
      Instant tick = tickOf(name, run);
      if (tick.isBefore(firstFiring)) {
        started.add(tick);
      }
    }
    return new Restart(lastBeforeStop, started);
  }

  private static Instant tickOf(String schedule, RunStatus run) {
    return Instant.parse(run.runId().substring(schedule.length() + 1));
  }

  @Test
  void pauseStopsTheTicksAndResumeRestartsThemWithoutCatchingUp() {
    Stepwise engine = engine();
    // With catch-up, to show that a resume still starts none of the paused ticks.
    WorkflowClient client =
        startTicker(engine, new TickFlow(), everySecond("pausing", true, 10, SMALL_TOLERANCE));
    awaitTickAfter(engine, "pausing", Instant.EPOCH);

    engine.schedules().pause("pausing");
    Instant paused = Instant.now();
    assertThat(status(engine, "pausing").paused()).isTrue();
    assertThat(status(engine, "pausing").nextTick()).isNull();
    awaitClockPast(paused.plusMillis(2500));
    assertThat(ticksOfRuns(client, "pausing")).allSatisfy(t -> assertThat(t).isBefore(paused));

    engine.schedules().resume("pausing");
    Instant resumed = Instant.now();
    assertThat(status(engine, "pausing").paused()).isFalse();
    assertThat(status(engine, "pausing").nextTick()).isAfter(resumed);
    awaitTickAfter(engine, "pausing", resumed);
    assertThat(ticksOfRuns(client, "pausing"))
        .noneSatisfy(t -> assertThat(t).isAfterOrEqualTo(paused).isBefore(resumed));
  }

  @Test
  void triggerNowStartsARunWhilePaused() {
    Stepwise engine = engine();
    WorkflowClient client =
        startTicker(engine, new TickFlow(), everySecond("triggered", false, 0, SMALL_TOLERANCE));
    engine.schedules().pause("triggered");

    String runId = engine.schedules().triggerNow("triggered");

    assertThat(runId).startsWith("triggered@");
    assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    ScheduleStatus status = status(engine, "triggered");
    assertThat(status.paused()).isTrue();
    assertThat(status.lastRunId()).isEqualTo(runId);
  }

  @Test
  void theListShowsTheNextTickAndTheLastRun() {
    Stepwise engine = engine();
    startTicker(engine, new TickFlow(), everySecond("listed", false, 0, Duration.ofMinutes(1)));
    awaitTickAfter(engine, "listed", Instant.EPOCH);

    List<ScheduleStatus> list = engine.schedules().list();

    assertThat(list).hasSize(1);
    ScheduleStatus s = list.get(0);
    assertThat(s.name()).isEqualTo("listed");
    assertThat(s.workflow()).isEqualTo("ticker");
    assertThat(s.cron()).isEqualTo(EVERY_SECOND);
    assertThat(s.zone()).isEqualTo("UTC");
    assertThat(s.paused()).isFalse();
    assertThat(s.nextTick()).isAfter(s.lastTick());
    assertThat(s.lastRunId()).isEqualTo("listed@" + s.lastTick());
  }

  @Test
  void anUnknownScheduleNameIsAClearError() {
    Stepwise engine = engine();
    startTicker(engine, new TickFlow(), everySecond("known", false, 0, Duration.ofMinutes(1)));
    Schedules schedules = engine.schedules();

    assertThat(schedules.find("nope")).isEmpty();
    for (Runnable call :
        List.<Runnable>of(
            () -> schedules.pause("nope"),
            () -> schedules.resume("nope"),
            () -> schedules.triggerNow("nope"))) {
      assertThatThrownBy(call::run)
          .isInstanceOf(StepwiseException.class)
          .hasMessageContaining("No schedule is named \"nope\"; the schedules are known");
    }
  }

  @Test
  void aScheduleRemovedFromTheCodeIsDeletedAndOneStillDeclaredIsNot() {
    Stepwise first = engine();
    startTicker(first, new TickFlow(), everySecond("retired", false, 0, Duration.ofMinutes(1)));
    first.schedules().pause("retired");
    assertThatThrownBy(() -> first.schedules().delete("retired"))
        .isInstanceOf(StepwiseException.class)
        .hasMessageContaining("is declared by a workflow registered on this engine");
    first.close();

    Stepwise second = engine(); // the new code: the workflow without its schedule
    second.register(new TickFlow.Definition(new TickFlow(), "ticker"));
    second.start();
    assertThat(second.schedules().find("retired")).isPresent(); // stays until deleted

    second.schedules().delete("retired");

    assertThat(second.schedules().find("retired")).isEmpty();
    assertThatThrownBy(() -> second.schedules().delete("retired"))
        .isInstanceOf(StepwiseException.class)
        .hasMessageContaining("retired");
  }

  @Test
  void aChangedCronIsStoredWhenAnEngineStartsAndThePauseStays() {
    Stepwise first = engine();
    startTicker(first, new TickFlow(), everySecond("changing", false, 0, Duration.ofMinutes(1)));
    first.schedules().pause("changing");
    first.close();

    String yearly = "0 0 1 1 *";
    Stepwise second = engine();
    ScheduleSpec changed =
        new ScheduleSpec("changing", yearly, "Europe/Paris", false, 0, Duration.ofMinutes(1));
    startTicker(second, new TickFlow(), changed);
    ScheduleStatus stored = status(second, "changing");
    assertThat(stored.cron()).isEqualTo(yearly);
    assertThat(stored.zone()).isEqualTo("Europe/Paris");
    assertThat(stored.paused()).isTrue();
    assertThat(stored.nextTick()).isNull();

    second.schedules().resume("changing");
    ZonedDateTime paris = ZonedDateTime.now(ZoneId.of("Europe/Paris"));
    Instant newYear =
        ZonedDateTime.of(paris.getYear() + 1, 1, 1, 0, 0, 0, 0, paris.getZone()).toInstant();
    assertThat(status(second, "changing").nextTick()).isEqualTo(newYear);
    second.close();

    // Changed back while running: the next tick is recomputed from now.
    Stepwise third = engine();
    Instant started = Instant.now();
    startTicker(third, new TickFlow(), everySecond("changing", false, 0, Duration.ofMinutes(1)));
    assertThat(status(third, "changing").nextTick())
        .isAfter(started)
        .isBeforeOrEqualTo(started.plusSeconds(2));
  }

  @Test
  void anInvalidCronFailsRegisterNamingTheScheduleAndTheExpression() {
    Stepwise engine = engine();
    TickFlow flow = new TickFlow();
    ScheduleSpec bad = new ScheduleSpec("bad", "61 * * * * *", "UTC", false, 0, Duration.ZERO);

    assertThatThrownBy(() -> engine.register(new TickFlow.Definition(flow, "ticker", bad)))
        .isInstanceOf(StepwiseException.class)
        .hasMessageContaining("Schedule \"bad\" of workflow \"ticker\"")
        .hasMessageContaining("\"61 * * * * *\"");
    ScheduleSpec short3 = new ScheduleSpec("short", "* * *", "UTC", false, 0, Duration.ZERO);
    assertThatThrownBy(() -> engine.register(new TickFlow.Definition(flow, "ticker", short3)))
        .hasMessageContaining("Schedule \"short\"")
        .hasMessageContaining("\"* * *\" has 3 fields");

    // A refused registration registers nothing: the workflow can still be registered.
    startTicker(engine, flow, everySecond("good", false, 0, Duration.ofMinutes(1)));
    assertThat(engine.schedules().list()).extracting(ScheduleStatus::name).containsExactly("good");
  }
}

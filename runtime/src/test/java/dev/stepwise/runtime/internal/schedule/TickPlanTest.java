package dev.stepwise.runtime.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The ticks of cron expressions, and which ticks of a due schedule start. */
class TickPlanTest {
  private static final CronTicks EVERY_SECOND = CronTicks.parse("*/1 * * * * *", "UTC");
  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration TOLERANCE = Duration.ofMillis(200);

  @Test
  void fiveFieldsAreUnixCronAndSixHaveSecondsFirst() {
    CronTicks hourly = CronTicks.parse("0 * * * *", "UTC");
    assertThat(hourly.nextAfter(T)).contains(Instant.parse("2026-03-01T13:00:00Z"));
    assertThat(hourly.previousBefore(T)).contains(Instant.parse("2026-03-01T11:00:00Z"));
    CronTicks at30s = CronTicks.parse("30 * * * * *", "UTC");
    assertThat(at30s.nextAfter(T)).contains(Instant.parse("2026-03-01T12:00:30Z"));
  }

  @Test
  void ticksAreReadInTheZoneAcrossDaylightSaving() {
    // Paris moves from +01:00 to +02:00 on 2026-03-29: 03:00 local is 02:00Z, then 01:00Z.
    CronTicks paris = CronTicks.parse("0 3 * * *", "Europe/Paris");
    assertThat(paris.nextAfter(Instant.parse("2026-03-28T12:00:00Z")))
        .contains(Instant.parse("2026-03-29T01:00:00Z"));
    assertThat(paris.nextAfter(Instant.parse("2026-03-27T12:00:00Z")))
        .contains(Instant.parse("2026-03-28T02:00:00Z"));
  }

  @Test
  void invalidExpressionsAndZonesSayWhatIsWrong() {
    assertThatThrownBy(() -> CronTicks.parse("* * *", "UTC"))
        .hasMessageContaining("\"* * *\" has 3 fields");
    assertThatThrownBy(() -> CronTicks.parse("61 * * * *", "UTC"))
        .hasMessageContaining("the cron expression \"61 * * * *\" is invalid");
    assertThatThrownBy(() -> CronTicks.parse("0 * * * *", "Mars/Olympus"))
        .hasMessageContaining("the zone \"Mars/Olympus\"");
  }

  @Test
  void anOnTimeTickStartsAndTheNextTickFollowsNow() {
    TickPlan plan = TickPlan.of(EVERY_SECOND, T, T.plusMillis(50), TOLERANCE, false, 0);
    assertThat(plan.toStart()).containsExactly(T);
    assertThat(plan.nextTick()).isEqualTo(T.plusSeconds(1));
  }

  @Test
  void skipDropsMissedTicksAndStartsTheOnTimeOnes() {
    Instant now = T.plusSeconds(10).plusMillis(100); // tick T+10s is 100ms late: on time
    TickPlan plan = TickPlan.of(EVERY_SECOND, T, now, TOLERANCE, false, 5);
    assertThat(plan.toStart()).containsExactly(T.plusSeconds(10));
    assertThat(plan.nextTick()).isEqualTo(T.plusSeconds(11));
  }

  @Test
  void catchUpStartsTheMostRecentMissedTicksOldestFirst() {
    Instant now = T.plusSeconds(10).plusMillis(500); // every tick up to T+10s was missed
    TickPlan plan = TickPlan.of(EVERY_SECOND, T, now, TOLERANCE, true, 2);
    assertThat(plan.toStart()).containsExactly(T.plusSeconds(9), T.plusSeconds(10));
    assertThat(plan.nextTick()).isEqualTo(T.plusSeconds(11));
  }

  @Test
  void catchUpNeverStartsTicksBeforeTheStoredNextTick() {
    Instant now = T.plusSeconds(1).plusMillis(500);
    TickPlan plan = TickPlan.of(EVERY_SECOND, T, now, TOLERANCE, true, 10);
    assertThat(plan.toStart()).containsExactly(T, T.plusSeconds(1));
  }

  @Test
  void aLongDowntimeIsPlannedWithoutWalkingEveryMissedTick() {
    Instant now = T.plus(Duration.ofDays(400)).plusMillis(500);
    TickPlan plan = TickPlan.of(EVERY_SECOND, T, now, TOLERANCE, true, 3);
    assertThat(plan.toStart()).hasSize(3).last().isEqualTo(now.minusMillis(500));
  }
}

package dev.stepwise.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.test.flows.ReportFlow;
import dev.stepwise.test.flows.ReportFlowRunner;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code advance} reaches each tick of a cron schedule in turn: an hour of ticks, at once. */
class ScheduleSkippingTest {
  @RegisterExtension final StepwiseTestEngine stepwise = new StepwiseTestEngine();

  @Test
  void anHourOfTenMinuteTicksStartsSixRunsOneForEachTick() {
    ReportFlow reports = new ReportFlow();
    new ReportFlowRunner(stepwise.engine(), reports);
    Instant from = stepwise.now();

    stepwise.advance(Duration.ofHours(1));

    assertThat(reports.ticks).hasSize(6).doesNotHaveDuplicates();
    for (Instant tick : reports.ticks) {
      assertThat(tick).isAfter(from).isBeforeOrEqualTo(from.plus(Duration.ofHours(1)));
      assertThat(tick.truncatedTo(ChronoUnit.MINUTES)).isEqualTo(tick);
      assertThat(tick.atZone(java.time.ZoneOffset.UTC).getMinute() % 10).isZero();
    }
    assertThat(reports.ticks).isSorted();
  }
}

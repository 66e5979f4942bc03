package dev.stepwise.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.chaos.flow.Job;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrafficTest {
  private final SoakOptions options = SoakOptions.parse("--seed=5 --latency=40ms --hold=250ms");

  @Test
  void aRunsInputDependsOnlyOnTheSeedAndItsNumber() {
    assertThat(Traffic.job(options, 17, Traffic.Flow.FORK))
        .isEqualTo(Traffic.job(options, 17, Traffic.Flow.FORK));
    assertThat(Traffic.runId(5, 17)).isEqualTo("soak-5-000017");
  }

  @Test
  void aboutAThirdOfTheRunsFailOnceByDesignInAStepThatHasARetryPolicy() {
    long flaky =
        IntStream.rangeClosed(1, 1000)
            .mapToObj(n -> Traffic.job(options, n, Traffic.flow(n)))
            .filter(j -> !j.failFirst().isEmpty())
            .count();

    assertThat(flaky).isBetween(230L, 370L);
    for (int n = 1; n <= 200; n++) {
      Traffic.Flow flow = Traffic.flow(n);
      Job j = Traffic.job(options, n, flow);
      assertThat(j.latencyMs()).isBetween(0, 40);
      if (!j.failFirst().isEmpty()) {
        assertThat(flow.retried).contains(j.failFirst());
      }
      if (flow == Traffic.Flow.QUEUED) {
        assertThat(j.holdMs()).isBetween(50, 250);
      } else {
        assertThat(j.holdMs()).isZero();
      }
    }
  }

  @Test
  void runsTakeTurnsOverTheThreeWorkflows() {
    assertThat(IntStream.rangeClosed(1, 6).mapToObj(Traffic::flow))
        .containsExactly(
            Traffic.Flow.CHAIN,
            Traffic.Flow.FORK,
            Traffic.Flow.QUEUED,
            Traffic.Flow.CHAIN,
            Traffic.Flow.FORK,
            Traffic.Flow.QUEUED);
  }
}

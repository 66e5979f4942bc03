package dev.stepwise.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.chaos.flow.ChainFlow;
import dev.stepwise.chaos.flow.ForkFlow;
import dev.stepwise.chaos.flow.Job;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrafficTest {
  private final SoakOptions options = SoakOptions.parse("--seed=5 --latency=40ms");

  @Test
  void aRunsInputDependsOnlyOnTheSeedAndItsNumber() {
    assertThat(Traffic.job(options, 17, true)).isEqualTo(Traffic.job(options, 17, true));
    assertThat(Traffic.runId(5, 17)).isEqualTo("soak-5-000017");
  }

  @Test
  void aboutAThirdOfTheRunsFailOnceByDesignInAStepThatHasARetryPolicy() {
    long flaky =
        IntStream.rangeClosed(1, 1000)
            .mapToObj(n -> Traffic.job(options, n, n % 2 == 0))
            .filter(j -> !j.failFirst().isEmpty())
            .count();

    assertThat(flaky).isBetween(230L, 370L);
    for (int n = 1; n <= 200; n++) {
      Job j = Traffic.job(options, n, n % 2 == 0);
      assertThat(j.latencyMs()).isBetween(0, 40);
      if (!j.failFirst().isEmpty()) {
        assertThat(n % 2 == 0 ? ForkFlow.RETRIED : ChainFlow.RETRIED).contains(j.failFirst());
      }
    }
  }
}

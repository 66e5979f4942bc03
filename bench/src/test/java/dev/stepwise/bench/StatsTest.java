package dev.stepwise.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void percentileIsNearestRank() {
    long[] values = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};
    assertThat(Stats.percentile(values, 50)).isEqualTo(5);
    assertThat(Stats.percentile(values, 99)).isEqualTo(10);
    assertThat(Stats.percentile(values, 0)).isEqualTo(1);
    assertThat(values[0]).as("the input is left unsorted").isEqualTo(5);
  }

  @Test
  void medianOfOddAndEvenRounds() {
    assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }

  @Test
  void emptyInputIsRejected() {
    assertThatThrownBy(() -> Stats.percentile(new long[0], 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Stats.median(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}

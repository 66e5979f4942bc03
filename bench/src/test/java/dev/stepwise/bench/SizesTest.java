package dev.stepwise.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SizesTest {

  @Test
  void fullModeRunsThreeRounds_smokeModeOne_andRoundsOverridesOnlyTheRounds() {
    assertThat(Sizes.full().rounds()).isEqualTo(3);
    assertThat(Sizes.smoke().rounds()).isEqualTo(1);

    Sizes five = Sizes.full().withRounds(5);

    assertThat(five.rounds()).isEqualTo(5);
    assertThat(five.sequentialRuns()).isEqualTo(Sizes.full().sequentialRuns());
    assertThat(five.mode()).isEqualTo("full");
  }

  @Test
  void lessThanOneRoundIsRejected() {
    assertThatThrownBy(() -> Sizes.smoke().withRounds(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

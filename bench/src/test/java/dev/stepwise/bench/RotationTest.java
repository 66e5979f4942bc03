package dev.stepwise.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RotationTest {
  private static final List<String> ABC = List.of("A", "B", "C");

  @Test
  void eachRoundStartsOnePlaceLater_soEveryContestantRunsFirstOnceInThreeRounds() {
    assertThat(Rotation.order(ABC, 0)).containsExactly("A", "B", "C");
    assertThat(Rotation.order(ABC, 1)).containsExactly("B", "C", "A");
    assertThat(Rotation.order(ABC, 2)).containsExactly("C", "A", "B");
    assertThat(Rotation.order(ABC, 3)).containsExactly("A", "B", "C");
  }

  @Test
  void twoContestantsAlternate_andOneStaysAlone() {
    assertThat(Rotation.order(List.of("Stepwise", "floor"), 1))
        .containsExactly("floor", "Stepwise");
    assertThat(Rotation.order(List.of("Stepwise"), 2)).containsExactly("Stepwise");
  }

  @Test
  void theInputIsLeftAsItIs_andANegativeRoundIsRejected() {
    List<String> input = new java.util.ArrayList<>(ABC);
    Rotation.order(input, 1);
    assertThat(input).containsExactly("A", "B", "C");
    assertThatThrownBy(() -> Rotation.order(ABC, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}

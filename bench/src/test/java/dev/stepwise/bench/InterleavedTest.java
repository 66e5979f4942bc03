package dev.stepwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterleavedTest {

  @Test
  void withTheFanOut_parallelRunsInStepwisesTurnsOfIt_andNotOnItsOwn() {
    assertThat(Interleaved.withCompanions("Stepwise", 'c', "cp")).isEqualTo("cp");
    assertThat(Interleaved.withCompanions("DBOS", 'c', "cp")).isEqualTo("c");
    assertThat(Interleaved.withCompanions("floor", 'c', "cp")).isEqualTo("c");
    assertThat(Interleaved.ridesOnFanOut('p', "abcp")).isTrue();
  }

  @Test
  void withoutTheFanOut_parallelHasTurnsOfItsOwn_andTheFanOutNone() {
    assertThat(Interleaved.ridesOnFanOut('p', "ap")).isFalse();
    assertThat(Interleaved.withCompanions("Stepwise", 'p', "ap")).isEqualTo("p");
    assertThat(Interleaved.withCompanions("Stepwise", 'c', "ac")).isEqualTo("c");
    assertThat(Interleaved.ridesOnFanOut('c', "cp")).isFalse();
  }
}

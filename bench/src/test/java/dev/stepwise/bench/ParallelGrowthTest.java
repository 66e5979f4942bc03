package dev.stepwise.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stepwise.bench.ParallelGrowth.Counters;
import dev.stepwise.bench.ParallelGrowth.Reading;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParallelGrowthTest {
  private final Map<String, Double> figures = new LinkedHashMap<>();

  private void put(String workload, String metric, double value) {
    figures.put(workload + " | " + metric, value);
  }

  private double figure(int size, String metric) {
    Double v = figures.get(ParallelGrowth.name(size) + " | " + metric);
    assertThat(v).as(size + " " + metric).isNotNull();
    return v;
  }

  @Test
  void figuresArePerElement_andTheLargerSizeIsComparedToTheSmallest() {
    // 100 elements in 0.4 s; 1,000 in 10 s: 4 ms, then 10 ms per element. Statements grow with
    // the size (constant per element), rows read with its square.
    Reading hundred = new Reading(100, 400_000_000L, new Counters(420, 114, 8_000, 1_200_000));
    Reading thousand =
        new Reading(1_000, 10_000_000_000L, new Counters(4_100, 1_130, 720_000, 115_000_000));

    ParallelGrowth.record(List.of(hundred, thousand), this::put);

    assertThat(figure(100, "wall ms per element")).isCloseTo(4.0, within(1e-9));
    assertThat(figure(100, "statements per element")).isCloseTo(4.2, within(1e-9));
    assertThat(figure(100, "commits per element (client count)")).isCloseTo(1.14, within(1e-9));
    assertThat(figure(100, "rows read per element")).isCloseTo(80, within(1e-9));
    assertThat(figure(100, "value characters read per element")).isCloseTo(12_000, within(1e-9));
    assertThat(figure(1_000, "wall ms per element")).isCloseTo(10.0, within(1e-9));
    assertThat(figure(1_000, "wall ms per element, ÷ that of 100")).isCloseTo(2.5, within(1e-9));
    assertThat(figure(1_000, "statements per element, ÷ that of 100"))
        .isCloseTo(4.1 / 4.2, within(1e-9));
    assertThat(figure(1_000, "rows read per element, ÷ that of 100")).isCloseTo(9, within(1e-9));
    // The smallest size is the reference: it has no ratio of its own.
    assertThat(figures)
        .doesNotContainKey(ParallelGrowth.name(100) + " | wall ms per element, ÷ that of 100");
  }

  @Test
  void countersSubtract_andTheTimedRunKeepsItsStatementsWithTheOtherRunsReads() {
    Counters before = new Counters(10, 2, 30, 400);
    Counters after = new Counters(15, 4, 90, 1_400);

    Counters delta = after.minus(before);
    Counters merged = delta.withReads(new Counters(99, 99, 7, 8));

    assertThat(delta).isEqualTo(new Counters(5, 2, 60, 1_000));
    assertThat(merged).isEqualTo(new Counters(5, 2, 7, 8));
  }

  @Test
  void sizesAreParsedSmallestFirst_andNonPositiveOnesAreRejected() {
    assertThat(ParallelGrowth.parse("1000, 100,3000")).containsExactly(100, 1_000, 3_000);
    assertThatThrownBy(() -> ParallelGrowth.parse("100,0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParallelGrowth.parse("many"))
        .isInstanceOf(NumberFormatException.class);
  }

  @Test
  void fullModeMeasuresAHundredAndAThousand_smokeModeTinySizes() {
    assertThat(ParallelGrowth.sizes(Sizes.full())).containsExactly(100, 1_000);
    assertThat(ParallelGrowth.sizes(Sizes.smoke())).allMatch(n -> n <= 100);
  }
}

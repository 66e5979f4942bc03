package dev.stepwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelWorkTest {

  @Test
  void overTenElements_theWorkAndTheOutputAreThoseOfTheStaticFanOut() {
    List<String> elements = ParallelWork.elements("r7", Work.BRANCHES);

    assertThat(elements).hasSize(Work.BRANCHES);
    for (int i = 0; i < Work.BRANCHES; i++) {
      assertThat(ParallelWork.each(elements.get(i))).isEqualTo(Work.branch(Work.one("r7"), i));
    }
    assertThat(ParallelWork.expected("r7", Work.BRANCHES)).isEqualTo(Work.expectedFanOut("r7"));
  }

  @Test
  void theExpectedOutputDependsOnTheSize_soAMissingOrExtraElementIsCaught() {
    assertThat(ParallelWork.expected("r7", 1_000)).startsWith("1000/");
    assertThat(ParallelWork.expected("r7", 999)).isNotEqualTo(ParallelWork.expected("r7", 1_000));
    assertThat(ParallelWork.expected("r7", 0)).isEqualTo("0/0");
  }

  @Test
  void elementsOfLargeIndexesKeepTheirIndex() {
    String element = ParallelWork.elements("r7", 2_501).get(2_500);

    assertThat(ParallelWork.each(element)).isEqualTo(Work.branch(Work.one("r7"), 2_500));
  }
}

package dev.stepwise.bench.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeReportTest {
  private static final NodeReport R = new NodeReport(5_000_000, 30, 4, 1, 9, 800_000, 10);

  @Test
  void theLineANodePrintsReadsBackAsTheSameReport() {
    String line = R.format();

    assertThat(line)
        .isEqualTo(
            "report cpuNanos=5000000 statements=30 claims=4 emptyClaims=1 claimed=9"
                + " claimNanos=800000 finished=10");
    assertThat(NodeReport.parse(line)).isEqualTo(R);
    // Field order and spacing do not matter.
    assertThat(
            NodeReport.parse(
                "report  finished=10 claims=4 emptyClaims=1 claimed=9 claimNanos=800000"
                    + " statements=30 cpuNanos=5000000 "))
        .isEqualTo(R);
  }

  @Test
  void aMeasuredPartIsTheDifferenceOfTwoReports_andTheNodesAreSummed() {
    NodeReport later = new NodeReport(9_000_000, 50, 6, 3, 12, 1_000_000, 25);

    NodeReport part = later.minus(R);

    assertThat(part).isEqualTo(new NodeReport(4_000_000, 20, 2, 2, 3, 200_000, 15));
    assertThat(NodeReport.ZERO.plus(part).plus(R))
        .isEqualTo(new NodeReport(9_000_000, 50, 6, 3, 12, 1_000_000, 25));
  }

  @Test
  void aLineThatIsNoCompleteReportIsRejected() {
    assertThatThrownBy(() -> NodeReport.parse("done 500"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a report");
    assertThatThrownBy(() -> NodeReport.parse(R.format().replace(" finished=10", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no finished");
    assertThatThrownBy(() -> NodeReport.parse(R.format() + " claims=5"))
        .hasMessageContaining("twice: claims");
    assertThatThrownBy(() -> NodeReport.parse(R.format() + " spare=1"))
        .hasMessageContaining("unknown [spare]");
    assertThatThrownBy(() -> NodeReport.parse(R.format().replace("=30", "=3x")))
        .hasMessageContaining("not a number in 'statements=3x'");
    assertThatThrownBy(() -> NodeReport.parse("report claims"))
        .hasMessageContaining("no key=value");
  }
}

package dev.stepwise.bench.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ClusterTest {

  @Test
  void aBatchIsSharedOutEvenly_theFirstNodesTakingTheRemainder() {
    assertThat(Cluster.shares(1_000, 1)).containsExactly(1_000);
    assertThat(Cluster.shares(1_000, 4)).containsExactly(250, 250, 250, 250);
    assertThat(Cluster.shares(10, 4)).containsExactly(3, 3, 2, 2);
    assertThat(Cluster.shares(1, 2)).containsExactly(1, 0);
    assertThat(Arrays.stream(Cluster.shares(999, 4)).sum()).isEqualTo(999);
  }

  @Test
  void noNodesOrANegativeBatchIsRejected() {
    assertThatThrownBy(() -> Cluster.shares(10, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cluster.shares(-1, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}

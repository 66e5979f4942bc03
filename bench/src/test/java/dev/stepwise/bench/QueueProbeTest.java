package dev.stepwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueueProbeTest {
  private static final int C = QueueProbe.CONCURRENCY;

  @Test
  void theKthStartTookTheSlotOfTheKMinusConcurrencyThEnd() {
    int n = C + 3;
    long[] enq = new long[n]; // all queued at 0
    long[] starts = new long[n];
    long[] ends = new long[n];
    for (int i = 0; i < C; i++) {
      starts[i] = 10;
      ends[i] = 100 + i; // slots free at 100, 101, 102, ...
    }
    starts[C] = 105; // took the slot freed at 100
    starts[C + 1] = 101; // freed at 101, started at once
    starts[C + 2] = 150; // freed at 102
    for (int i = C; i < n; i++) {
      ends[i] = starts[i] + 50;
    }
    long[] d = QueueProbe.of(enq, starts, ends).delays();
    // Sorted starts: 101, 105, 150 against ends 100, 101, 102.
    assertThat(d).containsExactly(1, 4, 48);
    assertThat(QueueProbe.of(enq, starts, ends).delays(100)).containsExactly(4, 48);
  }

  @Test
  void aDelayIsClampedAtZero_andCountsOnlyIfARunWasWaiting() {
    int n = C + 2;
    long[] enq = new long[n];
    long[] starts = new long[n];
    long[] ends = new long[n];
    for (int i = 0; i < C; i++) {
      starts[i] = 0;
      ends[i] = 100;
    }
    starts[C] = 90; // before the sorted end it is paired with: 0
    ends[C] = 200;
    enq[C + 1] = 300; // enqueued after the slot freed: it waited for its enqueue
    starts[C + 1] = 310;
    ends[C + 1] = 400;
    assertThat(QueueProbe.of(enq, starts, ends).delays()).containsExactly(0);
  }

  @Test
  void maxRunningCountsOverlaps_anEndFreesItsSlotBeforeAStartAtTheSameInstant() {
    long[] starts = {0, 1, 2, 10};
    long[] ends = {10, 5, 3, 20};
    assertThat(QueueProbe.of(new long[4], starts, ends).maxRunning()).isEqualTo(3);
  }
}

package dev.stepwise.bench.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stepwise.bench.nodes.WaitTally.Backend;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitTallyTest {

  @Test
  void sharesAreOfBusyBackendSamples_byWaitTypeAndEvent() {
    WaitTally t = new WaitTally();
    t.sample(
        List.of(
            new Backend("active", null, null, null),
            new Backend("active", "Lock", "object", "object AccessExclusiveLock on pg_database 0"),
            new Backend("active", "LWLock", "WALWrite", null),
            new Backend("active", "IO", "WALSync", null)));
    t.sample(
        List.of(
            new Backend("active", null, null, null),
            new Backend("idle in transaction", null, null, null)));
    t.sample(List.of()); // nothing busy at that instant

    assertThat(t.samples()).isEqualTo(3);
    assertThat(t.busyPerSample()).isEqualTo(2.0);
    assertThat(t.share(WaitTally.ON_CPU)).isCloseTo(2 / 6.0, within(1e-9));
    assertThat(t.share("Lock")).isCloseTo(1 / 6.0, within(1e-9));
    assertThat(t.share(WaitTally.IDLE_IN_TRANSACTION)).isCloseTo(1 / 6.0, within(1e-9));
    assertThat(t.share("IPC")).isZero();
    assertThat(t.top(1)).isEqualTo("CPU 33.3%");
    assertThat(t.top(10))
        .contains(
            "Lock:object (object AccessExclusiveLock on pg_database 0) 16.7%",
            "LWLock:WALWrite 16.7%", "IO:WALSync 16.7%");
  }

  @Test
  void noSamples_noShares() {
    WaitTally t = new WaitTally();

    assertThat(t.busyPerSample()).isZero();
    assertThat(t.share("Lock")).isZero();
    assertThat(t.top(3)).isEmpty();
  }
}

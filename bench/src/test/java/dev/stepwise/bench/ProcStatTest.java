package dev.stepwise.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {

  @Test
  void aProcessesTicksAreUtimePlusStime_evenWithSpacesAndParenthesesInItsName() {
    // pid (comm) state ppid ... utime=14th field, stime=15th
    String line =
        "4242 (postgres: a (b) c) S 1 4242 4242 0 -1 4194560 500 0 0 0 123 45 0 0 20 0 1 0 100"
            + " 200000 300 18446744073709551615\n";

    assertThat(ProcStat.processTicks(line)).isEqualTo(168);
  }

  @Test
  void theMachinesBusyTicksAreAllButIdleAndIowait_guestTimeNotCountedTwice() {
    // cpu user nice system idle iowait irq softirq steal guest guest_nice
    long[] t = ProcStat.machineTicks("cpu  100 5 50 800 40 3 2 0 7 0");

    assertThat(t).containsExactly(160, 1000);
  }

  @Test
  void aLineOfOneCoreIsNotTheMachinesLine() {
    assertThatThrownBy(() -> ProcStat.machineTicks("cpu0 1 2 3 4 5 6 7 8"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

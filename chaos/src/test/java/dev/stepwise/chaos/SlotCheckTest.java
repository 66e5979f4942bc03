package dev.stepwise.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.chaos.SlotCheck.SlotRow;
import dev.stepwise.chaos.WorkerJvm.Frozen;
import dev.stepwise.chaos.WorkerJvm.Life;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlotCheckTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(3);

  private final List<SlotRow> rows = new ArrayList<>();
  private final Map<String, Life> lives = new HashMap<>();

  private static Instant at(long ms) {
    return T.plusMillis(ms);
  }

  private void row(String run, String node, long from, Long to) {
    rows.add(new SlotRow(run, "q1", 1, node, at(from), to == null ? null : at(to)));
  }

  private SlotCheck.Result check() {
    lives.putIfAbsent("w1-1", new Life("w1-1", null, List.of()));
    lives.putIfAbsent("w2-2", new Life("w2-2", null, List.of()));
    return SlotCheck.check(rows, lives, LEASE, 3, at(100_000));
  }

  @Test
  void endedIntervalsAreSweptAndAnEndBeforeAStartAtTheSameInstantDoesNotOverlap() {
    row("a", "w1-1", 0, 100L);
    row("b", "w1-1", 10, 100L);
    row("c", "w2-2", 20, 50L);
    row("d", "w2-2", 50, 120L); // starts as c ends
    row("e", "w2-2", 100, 130L); // starts as a and b end

    SlotCheck.Result r = check();

    assertThat(r.maxAlive()).isEqualTo(3);
    assertThat(r.exceeded()).isFalse();
    assertThat(r.ended()).isEqualTo(5);
    assertThat(r.atLimit()).isEqualTo(Duration.ofMillis(80)); // [20, 50) and [50, 100)
    assertThat(r.endedSteps()).contains("a/q1", "e/q1");
  }

  @Test
  void aFourthExecutionAliveAtOnceExceedsTheLimitAndNamesTheExecutions() {
    row("a", "w1-1", 0, 100L);
    row("b", "w1-1", 10, 100L);
    row("c", "w2-2", 20, 100L);
    row("d", "w2-2", 99, 150L);

    SlotCheck.Result r = check();

    assertThat(r.maxAlive()).isEqualTo(4);
    assertThat(r.exceeded()).isTrue();
    assertThat(r.maxAt()).isEqualTo(at(99));
    assertThat(r.atMax()).hasSize(4).anyMatch(s -> s.startsWith("d/q1 attempt 1 on w2-2"));
  }

  @Test
  void anExecutionOfAKilledJvmIsAliveUntilTheKillNotUntilItsLeaseExpires() {
    lives.put("w1-1", new Life("w1-1", at(1_000), List.of()));
    row("a", "w1-1", 0, null); // killed at 1 s
    row("b", "w2-2", 0, 5_000L);
    row("c", "w2-2", 0, 5_000L);
    row("d", "w2-2", 1_001, 2_000L); // took a's slot after the kill

    SlotCheck.Result r = check();

    assertThat(r.killed()).isEqualTo(1);
    assertThat(r.maxAlive()).isEqualTo(3);
    assertThat(r.open()).isZero();
    assertThat(r.endedSteps()).doesNotContain("a/q1");
  }

  @Test
  void aStopOfALeaseCutsTheIntervalAndWhatFollowsTheContinueIsAZombieRemainder() {
    lives.put("w1-1", new Life("w1-1", null, List.of(new Frozen(at(100), at(6_000)))));
    row("a", "w1-1", 50, 6_001L); // frozen inside, ends just after SIGCONT
    row("b", "w2-2", 0, 7_000L);
    row("c", "w2-2", 0, 7_000L);
    row("d", "w2-2", 4_000, 6_500L); // a's slot, handed over after a's lease expired

    SlotCheck.Result r = check();

    assertThat(r.frozen()).isEqualTo(1);
    assertThat(r.maxAlive()).isEqualTo(3);
    assertThat(r.maxWithZombies()).isEqualTo(4);
    assertThat(r.zombieAt()).isEqualTo(at(6_000));
  }

  @Test
  void aStopShorterThanALeaseDoesNotCutTheInterval() {
    lives.put("w1-1", new Life("w1-1", null, List.of(new Frozen(at(100), at(1_000)))));
    row("a", "w1-1", 50, 1_100L);
    row("b", "w2-2", 0, 2_000L);
    row("c", "w2-2", 0, 2_000L);
    row("d", "w2-2", 500, 600L);

    SlotCheck.Result r = check();

    assertThat(r.frozen()).isZero();
    assertThat(r.maxAlive()).isEqualTo(4);
  }

  @Test
  void anExecutionWithoutAnEndOnARunningJvmIsOpenAndAliveUntilTheCheck() {
    row("a", "w1-1", 0, null);

    SlotCheck.Result r = check();

    assertThat(r.open()).isEqualTo(1);
    assertThat(r.atLimit()).isZero();
  }
}

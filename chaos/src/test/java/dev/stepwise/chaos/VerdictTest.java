package dev.stepwise.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.chaos.SoakDb.RunRow;
import dev.stepwise.chaos.SoakDb.Snapshot;
import dev.stepwise.chaos.SoakDb.StepRow;
import dev.stepwise.chaos.flow.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private final Map<String, Job> acknowledged = new LinkedHashMap<>();
  private final Map<String, RunRow> runs = new LinkedHashMap<>();
  private final Map<String, Integer> writes = new HashMap<>();
  private final List<StepRow> steps = new ArrayList<>();

  private void run(String id, String status, int ledgerRows) {
    acknowledged.put(id, new Job(10, "", 0));
    runs.put(
        id,
        new RunRow(
            id,
            "soak-chain",
            status,
            status.equals("FAILED") ? "book" : null,
            status.equals("FAILED") ? "org.jooq.exception.DataAccessException" : null,
            status.equals("FAILED") ? "An I/O error occurred\n\tat somewhere" : null,
            T,
            status.equals("SUCCEEDED") ? T.plusMillis(300) : null));
    if (ledgerRows > 0) {
      writes.put(id, ledgerRows);
    }
  }

  private Verdict judge() {
    return Verdict.judge(
        acknowledged,
        new Snapshot(runs, writes, steps, List.of(), T.plusSeconds(60)),
        Map.of(),
        Duration.ofSeconds(3));
  }

  @Test
  void runsThatAllSucceededWithOneWriteEachPass() {
    run("soak-1-000001", "SUCCEEDED", 1);
    run("soak-1-000002", "SUCCEEDED", 1);

    Verdict v = judge();

    assertThat(v.succeeded()).isEqualTo(2);
    assertThat(v.exactlyOnce()).isEqualTo(2);
    assertThat(v.problems()).isEmpty();
    assertThat(v.latencies()).containsOnly(Duration.ofMillis(300));
  }

  @Test
  void unfinishedAndMissingRunsAreLost() {
    run("soak-1-000001", "RUNNING", 1);
    acknowledged.put("soak-1-000002", new Job(0, "", 0));

    Verdict v = judge();

    assertThat(v.unfinished()).isEqualTo(1);
    assertThat(v.missing()).isEqualTo(1);
    assertThat(v.lost()).isEqualTo(2);
    assertThat(v.lostSamples())
        .containsExactly("soak-1-000001 (RUNNING)", "soak-1-000002 (missing)");
    assertThat(v.problems()).containsExactly("2 lost run(s): 1 unfinished, 1 missing");
  }

  @Test
  void failedRunsAreCountedApartFromLostOnesAndGroupedByError() {
    run("soak-1-000001", "FAILED", 0);
    run("soak-1-000002", "FAILED", 0);
    run("soak-1-000003", "SUCCEEDED", 1);

    Verdict v = judge();

    assertThat(v.failed()).isEqualTo(2);
    assertThat(v.lost()).isZero();
    assertThat(v.failures())
        .containsOnlyKeys(
            "FAILED at book: org.jooq.exception.DataAccessException: An I/O error occurred");
    assertThat(v.failures().values().iterator().next().count()).isEqualTo(2);
    assertThat(v.problems()).hasSize(1).first().asString().startsWith("2 failed run(s)");
  }

  @Test
  void aSecondWriteOrAMissingOneOrAWriteOfAnUnknownRunFails() {
    run("soak-1-000001", "SUCCEEDED", 2);
    run("soak-1-000002", "SUCCEEDED", 0);
    writes.put("soak-1-999999", 1);

    Verdict v = judge();

    assertThat(v.duplicated()).isEqualTo(1);
    assertThat(v.maxWrites()).isEqualTo(2);
    assertThat(v.noWrite()).isEqualTo(1);
    assertThat(v.orphanWrites()).isEqualTo(1);
    assertThat(v.problems()).hasSize(3);
  }

  @Test
  void retriesOfTheStepThatFailsByDesignAreNotCountedAsCausedByFaults() {
    run("soak-1-000001", "SUCCEEDED", 1);
    acknowledged.put("soak-1-000001", new Job(10, "prepare", 0));
    steps.add(new StepRow("soak-1-000001", "prepare", "SUCCEEDED", 3)); // designed + a fault
    steps.add(new StepRow("soak-1-000001", "book", "SUCCEEDED", 2)); // a fault
    steps.add(new StepRow("soak-1-000001", "finish", "SUCCEEDED", 1));

    Verdict v = judge();

    assertThat(v.reExecutions()).isEqualTo(3);
    assertThat(v.designed()).isEqualTo(1);
    assertThat(v.faultReExecutions()).isEqualTo(2);
    assertThat(v.faultReExecutionsByStep())
        .containsExactly(Map.entry("book", 1L), Map.entry("prepare", 1L));
  }
}

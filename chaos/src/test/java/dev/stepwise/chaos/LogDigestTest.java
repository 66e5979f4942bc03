package dev.stepwise.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDigestTest {

  @Test
  void linesThatDifferOnlyInIdsAndNumbersCountAsOneWithTheExceptionAfterThem(@TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("w1.log");
    Files.write(
        log,
        List.of(
            "03:00:01.123 [stepwise-worker-w1-4242-3] WARN OutcomeWrites - Lost the lease of step"
                + " prepare of run soak-1-000012 (attempt 1)",
            "03:00:02.456 [stepwise-worker-w2-77-1] WARN OutcomeWrites - Lost the lease of step"
                + " prepare of run soak-1-000099 (attempt 2)",
            "03:00:03.000 [main] ERROR Completion - Cannot record step book of run soak-1-000005",
            "org.jooq.exception.DataAccessException: I/O error",
            "\tat org.jooq.Impl.run(Impl.java:12)",
            "03:00:04.000 [main] INFO Engine - started"));

    Map<String, Integer> digest = LogDigest.digest(List.of(log, dir.resolve("none.log")), 10).top();

    assertThat(digest)
        .containsExactly(
            Map.entry(
                "WARN OutcomeWrites - Lost the lease of step prepare of run <run> (attempt #)", 2),
            Map.entry(
                "ERROR Completion - Cannot record step book of run <run> |"
                    + " org.jooq.exception.DataAccessException: I/O error",
                1));
  }

  @Test
  void retriesOfStepsThatFailedNotByDesignAreCountedAndListed(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("w2.log");
    Files.write(
        log,
        List.of(
            "03:00:01.000 [stepwise-worker-w2-9-1] INFO Completion - Step prepare of run"
                + " soak-1-000001 failed on attempt 1 (dev.stepwise.chaos.flow.Work$DesignedFailure:"
                + " designed failure of prepare on attempt 1); retrying at 2026-12-04T03:00:01Z",
            "03:00:02.000 [stepwise-worker-w2-9-2] INFO Completion - Step book of run"
                + " soak-1-000002 failed on attempt 1 (org.jooq.exception.DataAccessException:"
                + " Cannot commit transaction); retrying at 2026-12-04T03:00:02.25Z",
            "03:00:03.000 [main] INFO Engine - Stepwise node w2-9 started with 8 workers"));

    LogDigest.Digest digest = LogDigest.digest(List.of(log), 10);

    assertThat(digest.faultRetries()).isEqualTo(1);
    assertThat(digest.top())
        .containsOnlyKeys(
            "INFO Completion - Step book of run <run> failed on attempt # (org.jooq.exception."
                + "DataAccessException: Cannot commit transaction); retrying");
  }

  @Test
  void aStatementQuotedByJooqShrinksSoThatTheDatabasesWordsShow() {
    assertThat(
            LogDigest.normalize(
                "org.jooq.exception.DataAccessException: SQL [update sw_steps set lease_until = ?"
                    + " where (sw_steps.lease_owner = ?)]; ERROR: deadlock detected"))
        .isEqualTo("org.jooq.exception.DataAccessException: SQL [...]; ERROR: deadlock detected");
  }

  @Test
  void objectHashesAreBlankedToo() {
    assertThat(LogDigest.normalize("Failed to validate connection PgConnection@1dac5ef (closed)"))
        .isEqualTo("Failed to validate connection PgConnection@<obj> (closed)");
  }
}

package dev.stepwise.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.stepwise.chaos.flow.SoakLimited;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The soak's CI version, 30 seconds long, in the integration-test phase of {@code mvn verify}: a
 * third of its runs fan out into the queue {@code soak-limited}, so every build also checks that
 * queue's global limit from the steps' own intervals, across the worker JVMs and the kills. Without
 * PostgreSQL's server binaries it is skipped, except in CI ({@code CI=true}, or {@code
 * -Dstepwise.requirePostgres=true}), where it fails: there the soak must run. {@code
 * -Dsoak.pgBin=<dir>} names the binaries' directory, else they are searched.
 */
class ShortSoakIT {

  @Test
  void thirtySecondsOfKillsStopsAndADatabaseRestartLoseNoRunWriteOnceAndKeepTheQueueLimit()
      throws Exception {
    PgBinaries binaries;
    try {
      String bin = System.getProperty("soak.pgBin", "");
      binaries = PgBinaries.find(bin.isBlank() ? null : Path.of(bin), "postgres");
    } catch (PgBinaries.Unavailable e) {
      if (Boolean.getBoolean("stepwise.requirePostgres") || "true".equals(System.getenv("CI"))) {
        fail("CI must run the chaos soak, but " + e.getMessage());
      }
      System.out.println("chaos soak skipped: " + e.getMessage());
      Assumptions.abort("chaos soak skipped: " + e.getMessage());
      return;
    }
    SoakOptions options =
        SoakOptions.parse(
            "--duration=30s --workers=3 --seed=11 --kills=6 --stops=1 --restarts=1"
                + " --dir=target/soak-it");

    SoakReport report = new Soak(options, binaries).run();

    assertThat(report.faults().kills()).isEqualTo(6);
    assertThat(report.faults().dbRestarts()).isEqualTo(1);
    assertThat(report.verdict().started()).isPositive();
    assertThat(report.verdict().queued()).isPositive();
    assertThat(report.verdict().slots().executions()).isPositive();
    assertThat(report.verdict().slots().maxAlive())
        .as(report.toText())
        .isBetween(1, SoakLimited.LIMIT);
    assertThat(report.problems()).as(report.toText()).isEmpty();
  }
}

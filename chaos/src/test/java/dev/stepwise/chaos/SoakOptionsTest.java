package dev.stepwise.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SoakOptionsTest {

  @Test
  void faultCountsFollowTheDurationUnlessGiven() {
    SoakOptions o = SoakOptions.parse("--duration=300s");

    assertThat(o.kills()).isEqualTo(60);
    assertThat(o.stops()).isEqualTo(10);
    assertThat(o.restarts()).isEqualTo(2);
    assertThat(o.outage()).isEqualTo(Duration.ZERO);
    assertThat(o.workers()).isEqualTo(3);
  }

  @Test
  void aShortSoakStillRestartsTheDatabaseOnce() {
    assertThat(SoakOptions.parse("--duration=30s").restarts()).isEqualTo(1);
  }

  @Test
  void oneArgumentMayHoldSeveralOptions() {
    // exec:exec passes -Dsoak.args as one argument.
    SoakOptions o =
        SoakOptions.parse("--dir=x", " --duration=5m --workers=4  --seed=9 --outage=60s ");

    assertThat(o.duration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(o.workers()).isEqualTo(4);
    assertThat(o.seed()).isEqualTo(9);
    assertThat(o.outage()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.dir()).hasToString("x");
  }

  @Test
  void aLaterOptionWins() {
    assertThat(SoakOptions.parse("--dir=target/soak", "--dir=elsewhere").dir())
        .hasToString("elsewhere");
  }

  @Test
  void durationsTakeUnitsAndABareNumberIsSeconds() {
    assertThat(SoakOptions.duration("1500ms")).isEqualTo(Duration.ofMillis(1500));
    assertThat(SoakOptions.duration("2.5s")).isEqualTo(Duration.ofMillis(2500));
    assertThat(SoakOptions.duration("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(SoakOptions.duration("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(SoakOptions.duration("45")).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void anUnknownOptionIsRefusedWithTheUsage() {
    assertThatThrownBy(() -> SoakOptions.parse("--kill=3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown option --kill")
        .hasMessageContaining("--kills=N");
  }

  @Test
  void noWorkersIsRefused() {
    assertThatThrownBy(() -> SoakOptions.parse("--workers=0"))
        .hasMessageContaining("--workers must be at least 1");
  }
}

package dev.stepwise.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.chaos.FaultPlan.Fault;
import dev.stepwise.chaos.FaultPlan.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

  @Test
  void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
    SoakOptions a = SoakOptions.parse("--duration=300s --seed=1 --outage=60s");
    SoakOptions b = SoakOptions.parse("--duration=300s --seed=2 --outage=60s");

    assertThat(FaultPlan.plan(a)).isEqualTo(FaultPlan.plan(a));
    assertThat(FaultPlan.plan(a)).isNotEqualTo(FaultPlan.plan(b));
  }

  @Test
  void thePlanHasTheAskedForFaultsInOrderWithinTheDuration() {
    SoakOptions o =
        SoakOptions.parse(
            "--duration=300s --kills=55 --stops=7 --restarts=3 --outage=30s --workers=4");

    List<Fault> plan = FaultPlan.plan(o);

    assertThat(FaultPlan.count(plan, Kind.KILL)).isEqualTo(55);
    assertThat(FaultPlan.count(plan, Kind.STOP)).isEqualTo(7);
    assertThat(FaultPlan.count(plan, Kind.RESTART_DB)).isEqualTo(3);
    assertThat(FaultPlan.count(plan, Kind.OUTAGE)).isEqualTo(1);
    assertThat(plan).isSortedAccordingTo((x, y) -> x.at().compareTo(y.at()));
    assertThat(plan)
        .allSatisfy(
            f -> {
              assertThat(f.at()).isBetween(Duration.ofSeconds(1), o.duration());
              if (f.kind() == Kind.KILL || f.kind() == Kind.STOP) {
                assertThat(f.worker()).isBetween(0, 3);
              }
            });
  }

  @Test
  void stopsOutlastTheLease() {
    SoakOptions o = SoakOptions.parse("--duration=120s --stops=20 --lease=2s");

    assertThat(FaultPlan.plan(o))
        .filteredOn(f -> f.kind() == Kind.STOP)
        .allSatisfy(
            f -> assertThat(f.length()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6)));
  }

  @Test
  void databaseRestartsKeepClearOfTheOutageAndOfEachOther() {
    for (int seed = 1; seed <= 20; seed++) {
      SoakOptions o = SoakOptions.parse("--duration=120s --restarts=4 --outage=20s --seed=" + seed);
      List<Fault> plan = FaultPlan.plan(o);
      Fault outage = plan.stream().filter(f -> f.kind() == Kind.OUTAGE).findFirst().orElseThrow();
      List<Fault> restarts = plan.stream().filter(f -> f.kind() == Kind.RESTART_DB).toList();

      assertThat(restarts).hasSize(4);
      for (Fault r : restarts) {
        boolean before = r.at().plusSeconds(5).compareTo(outage.at()) <= 0;
        boolean after = r.at().compareTo(outage.at().plus(outage.length()).plusSeconds(5)) >= 0;
        assertThat(before || after).as("restart at %s, outage at %s", r.at(), outage.at()).isTrue();
      }
      for (int i = 1; i < restarts.size(); i++) {
        assertThat(restarts.get(i).at().minus(restarts.get(i - 1).at()))
            .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
      }
    }
  }

  @Test
  void theOutageFallsInTheMiddleHalfWhenItFits() {
    SoakOptions o =
        SoakOptions.parse("--duration=300s --outage=60s --kills=0 --restarts=0 --stops=0");

    Fault outage = FaultPlan.plan(o).get(0);

    assertThat(outage.kind()).isEqualTo(Kind.OUTAGE);
    assertThat(outage.at()).isBetween(Duration.ofSeconds(70), Duration.ofSeconds(170));
  }
}

package dev.stepwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultsTest {

  @Test
  void oneRound_oneTablePerDatabaseWithRatiosOfStepwise() {
    Results r = new Results();
    r.put("PostgreSQL", "(b)", "workflows/s", "Stepwise", 0, 1_500);
    r.put("PostgreSQL", "(b)", "workflows/s", "DBOS", 0, 500);
    r.put("PostgreSQL", "(b)", "workflows/s", "floor", 0, 1_000);
    r.put("H2", "(a)", "p50 latency, ms", "Stepwise", 0, 0.5);

    String md = r.toMarkdown();

    assertThat(md).contains("### PostgreSQL", "### H2");
    assertThat(md).contains("| (b) | workflows/s | 1,500 | 500 | 1,000 | 3.00× | 1.50× |");
    assertThat(md).contains("| (a) | p50 latency, ms | 0.50 | – | – | – | – |");
    assertThat(r.get("PostgreSQL", "(b)", "workflows/s", "DBOS", 0)).isEqualTo(500.0);
  }

  @Test
  void severalRounds_figuresAreMedians_ratiosArePairedRoundByRoundWithTheirSpread() {
    Results r = new Results();
    // A machine that slows down from round to round, for both alike.
    double[] stepwise = {1_200, 1_000, 800};
    double[] dbos = {1_000, 1_000, 500};
    for (int round = 0; round < 3; round++) {
      r.put("PostgreSQL", "(b)", "workflows/s", "Stepwise", round, stepwise[round]);
      r.put("PostgreSQL", "(b)", "workflows/s", "DBOS", round, dbos[round]);
    }

    // Per-round ratios 1.2, 1.0 and 1.6: median 1.2, spread 1.0 to 1.6. The ratio of the medians
    // (1,000 / 1,000) would hide that Stepwise was ahead in two rounds out of three.
    assertThat(r.toMarkdown())
        .contains("| (b) | workflows/s | 1,000 | 1,000 | – | 1.20× (1.00–1.60) | – |");
    assertThat(r.median("PostgreSQL", "(b)", "workflows/s", "Stepwise")).isEqualTo(1_000.0);
  }

  @Test
  void aRatioPairsOnlyTheRoundsBothRan() {
    Results r = new Results();
    r.put("PostgreSQL", "(a)", "p50 latency, ms", "Stepwise", 0, 2);
    r.put("PostgreSQL", "(a)", "p50 latency, ms", "Stepwise", 1, 4);
    r.put("PostgreSQL", "(a)", "p50 latency, ms", "floor", 1, 2);
    r.put("PostgreSQL", "(a)", "p50 latency, ms", "floor", 2, 100);

    // Only round 1 is shared: 4 / 2, no spread.
    assertThat(r.toMarkdown()).contains("| (a) | p50 latency, ms | 3.00 | – | 51.0 | – | 2.00× |");
  }

  @Test
  void withoutASharedRound_theRatioIsOfTheMedians() {
    Results r = new Results();
    r.put("H2", "(q)", "runs/s", "Stepwise", 0, 300);
    r.put("H2", "(q)", "runs/s", "floor", 1, 100);

    assertThat(r.toMarkdown()).contains("| (q) | runs/s | 300 | – | 100 | – | 3.00× |");
  }

  @Test
  void borrowedFigures_standInTheRowsOfTheSameMetric_pairedRoundByRound() {
    Results r = new Results();
    for (int round = 0; round < 2; round++) {
      r.put("PostgreSQL", "(c)", "p50 latency, ms", "DBOS", round, 10 + round);
      r.put("PostgreSQL", "(c)", "only (c) has it", "DBOS", round, 1);
      r.put("PostgreSQL", "(p)", "p50 latency, ms", "Stepwise", round, 20 + 4 * round);
    }
    r.put("H2", "(c)", "p50 latency, ms", "DBOS", 0, 99); // another database: not borrowed

    r.borrow("PostgreSQL", "(c)", "(p)", "DBOS");
    r.borrow("PostgreSQL", "(c)", "(p)", "floor"); // has no (c): nothing to show

    // Per round 20/10 and 24/11: median 2.0 and 2.18, around 2.09.
    assertThat(r.toMarkdown())
        .contains("| (p) | p50 latency, ms | 22.0 | 10.5 | – | 2.09× (2.00–2.18) | – |")
        .doesNotContain("| (p) | only (c) has it");
    assertThat(r.get("PostgreSQL", "(c)", "p50 latency, ms", "DBOS", 1)).isEqualTo(11.0);
  }

  @Test
  void otherColumns_withRatiosOfLaterColumnsOverTheFirst() {
    Results r =
        new Results(
            java.util.List.of("1 node", "2 nodes"),
            java.util.List.of(new Results.Ratio("2 nodes", "1 node")));
    r.put("PG", "(n)", "workflows/s", "1 node", 0, 1_000);
    r.put("PG", "(n)", "workflows/s", "2 nodes", 0, 900);
    r.put("PG", "(n)", "workflows/s", "Stepwise", 0, 5); // no such column: not shown

    assertThat(r.toMarkdown())
        .contains(
            "| workload | metric | 1 node | 2 nodes | 2 nodes/1 node |\n|---|---|---:|---:|---:|\n")
        .contains("| (n) | workflows/s | 1,000 | 900 | 0.90× |")
        .doesNotContain("| 5 |");
  }
}

package dev.stepwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultsTest {

  @Test
  void oneTablePerDatabaseWithRatiosOfStepwise() {
    Results r = new Results();
    r.put("PostgreSQL", "(b)", "workflows/s", "Stepwise", 1_500);
    r.put("PostgreSQL", "(b)", "workflows/s", "DBOS", 500);
    r.put("PostgreSQL", "(b)", "workflows/s", "floor", 1_000);
    r.put("H2", "(a)", "p50 latency, ms", "Stepwise", 0.5);

    String md = r.toMarkdown();

    assertThat(md).contains("### PostgreSQL", "### H2");
    assertThat(md).contains("| (b) | workflows/s | 1,500 | 500 | 1,000 | 3.00× | 1.50× |");
    assertThat(md).contains("| (a) | p50 latency, ms | 0.50 | – | – | – | – |");
    assertThat(r.get("PostgreSQL", "(b)", "workflows/s", "DBOS")).isEqualTo(500.0);
  }
}

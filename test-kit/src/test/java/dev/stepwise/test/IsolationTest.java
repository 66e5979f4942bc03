package dev.stepwise.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.RunHandle;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.test.flows.PaymentFlow;
import dev.stepwise.test.flows.PaymentFlowResult;
import dev.stepwise.test.flows.PaymentFlowRunner;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Each test engine has a database of its own, dropped when it closes. */
class IsolationTest {

  @Test
  void twoEnginesOpenAtOnceDoNotSeeEachOthersRuns() {
    try (StepwiseTestEngine one = new StepwiseTestEngine().open();
        StepwiseTestEngine two = new StepwiseTestEngine().open()) {
      PaymentFlowRunner first =
          new PaymentFlowRunner(one.engine(), new PaymentFlow((c, a) -> "first " + c));
      PaymentFlowRunner second =
          new PaymentFlowRunner(two.engine(), new PaymentFlow((c, a) -> "second " + c));

      // The same run id in both: each database starts a run of its own with it.
      RunHandle<PaymentFlowResult> a = first.startAsync(1L, StartOptions.withRunId("order-1"));
      RunHandle<PaymentFlowResult> b = second.startAsync(2L, StartOptions.withRunId("order-1"));

      assertThat(one.awaitCompletion(a).charge().output()).isEqualTo("first 1");
      assertThat(two.awaitCompletion(b).charge().output()).isEqualTo("second 2");
      assertThat(first.list(10)).hasSize(1);
      assertThat(second.list(10)).hasSize(1);
    }
  }

  @Test
  void closingDropsTheDatabase() {
    StepwiseTestEngine stepwise = new StepwiseTestEngine().open();
    new PaymentFlowRunner(stepwise.engine(), new PaymentFlow((c, a) -> "paid"));
    String url = stepwise.url();
    stepwise.close();

    assertThatThrownBy(() -> DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "").close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("not found");
  }

  @Test
  void settingsOfTheTestsOwnKeepTheKitsDatabaseAndClock() {
    DataSource elsewhere = new org.h2.jdbcx.JdbcDataSource();
    try (StepwiseTestEngine stepwise =
        new StepwiseTestEngine(
                b -> b.dataSource(elsewhere).workers(2), StepwiseTestEngine.DEFAULT_TIMEOUT)
            .open()) {
      assertThat(stepwise.dataSource()).isNotSameAs(elsewhere);
      PaymentFlowRunner payments =
          new PaymentFlowRunner(stepwise.engine(), new PaymentFlow((c, a) -> "paid " + c));
      Instant before = stepwise.now();
      stepwise.advance(Duration.ofDays(1));
      assertThat(stepwise.awaitCompletion(payments.startAsync(5L)).charge().output())
          .isEqualTo("paid 5");
      assertThat(stepwise.now()).isAfterOrEqualTo(before.plus(Duration.ofDays(1)));
    }
  }

  @Test
  void anEngineThatIsNotOpenSaysHowToOpenIt() {
    assertThatThrownBy(() -> new StepwiseTestEngine().engine())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@RegisterExtension");
  }
}

package dev.stepwise.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.spring.flows.LedgerWorkflow;
import dev.stepwise.spring.flows.LedgerWorkflow.Entry;
import dev.stepwise.spring.flows.LedgerWorkflow.Failure;
import dev.stepwise.spring.flows.LedgerWorkflowResult;
import dev.stepwise.spring.flows.LedgerWorkflowRunner;
import dev.stepwise.testing.TestSchema;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transactional step's writes through Spring's JdbcTemplate, through a joined TransactionTemplate
 * and through jOOQ's DSLContext commit with the step's result, exactly once, or roll back with its
 * failed attempt: the application's DataSource, Boot's transaction manager and the engine's
 * transaction are one.
 */
abstract class TransactionalStepContract {
  private static final List<String> WAYS = List.of("jdbc", "template", "jooq");

  private ApplicationContextRunner contexts;

  @Configuration(proxyBeanMethods = false)
  static class Ledger {
    @Bean
    LedgerWorkflow ledgerWorkflow(
        JdbcTemplate jdbc,
        TransactionTemplate transactions,
        @Value("${stepwise.schema}") String schema) {
      return new LedgerWorkflow(jdbc, transactions, schema);
    }
  }

  /** Books {@code entry} and waits, at most a minute, for its run to settle. */
  private static LedgerWorkflowResult book(ApplicationContext context, Entry entry) {
    return context
        .getBean(LedgerWorkflowRunner.class)
        .start(entry, StartOptions.defaults(), Duration.ofMinutes(1));
  }

  @BeforeEach
  void onThisTestsSchema(TestSchema schema) {
    DataSource dataSource = new UnclosedDataSource(schema.dataSource());
    contexts =
        new ApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(
                    StepwiseAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    TransactionAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class))
            .withBean(DataSource.class, () -> dataSource)
            .withUserConfiguration(Ledger.class)
            .withPropertyValues("stepwise.schema=" + schema.name());
  }

  @Test
  void aSucceedingStepCommitsEachWayOnce() {
    contexts.run(
        context -> {
          LedgerWorkflow ledger = context.getBean(LedgerWorkflow.class);
          ledger.createTable();

          LedgerWorkflowResult r = book(context, new Entry("ok", Failure.NONE, 0));

          assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
          assertThat(r.output()).isEqualTo(1);
          for (String way : WAYS) {
            assertThat(ledger.rows("ok", way)).as(way).isEqualTo(1);
          }
        });
  }

  @Test
  void aFailedAttemptRollsBackEveryWaySoTheRetryWritesOnce() {
    contexts.run(
        context -> {
          LedgerWorkflow ledger = context.getBean(LedgerWorkflow.class);
          ledger.createTable();

          LedgerWorkflowResult r = book(context, new Entry("retried", Failure.THROW, 1));

          assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
          assertThat(r.book().attempts()).isEqualTo(2);
          assertThat(r.output()).isEqualTo(2);
          for (String way : WAYS) {
            assertThat(ledger.rows("retried", way)).as(way).isEqualTo(1);
          }
        });
  }

  @Test
  void aStepThatFailsForGoodLeavesNoRows() {
    contexts.run(
        context -> {
          LedgerWorkflow ledger = context.getBean(LedgerWorkflow.class);
          ledger.createTable();

          LedgerWorkflowResult r = book(context, new Entry("failed", Failure.THROW, 2));

          assertThat(r.status()).isEqualTo(Status.FAILED);
          assertThat(r.book().attempts()).isEqualTo(2);
          for (String way : WAYS) {
            assertThat(ledger.rows("failed", way)).as(way).isZero();
          }
        });
  }

  @Test
  void aJoinedTransactionMarkedRollbackOnlyFailsTheAttemptAndRollsItBack() {
    contexts.run(
        context -> {
          LedgerWorkflow ledger = context.getBean(LedgerWorkflow.class);
          ledger.createTable();

          LedgerWorkflowResult r =
              book(context, new Entry("rollback-only", Failure.ROLLBACK_ONLY, 1));

          assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
          assertThat(r.book().attempts()).isEqualTo(2);
          for (String way : WAYS) {
            assertThat(ledger.rows("rollback-only", way)).as(way).isEqualTo(1);
          }
        });
  }
}

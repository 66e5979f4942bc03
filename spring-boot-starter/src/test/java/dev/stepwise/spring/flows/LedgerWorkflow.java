package dev.stepwise.spring.flows;

import dev.stepwise.Input;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import org.jooq.DSLContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transactional step that writes with Spring's JdbcTemplate, inside a TransactionTemplate, and
 * with jOOQ's DSLContext: one row per way per execution, in the table {@code ledger} of {@code
 * schema}. Each execution may then fail, as an entry says.
 */
@Workflow(name = "spring-ledger", result = "book")
public class LedgerWorkflow {
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final String table;

  public LedgerWorkflow(JdbcTemplate jdbc, TransactionTemplate transactions, String schema) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.table = schema + ".ledger";
  }

  /** What the step does after its writes on the attempts up to {@code failUpTo}. */
  public enum Failure {
    NONE,
    THROW,
    /** Marks a joined TransactionTemplate rollback-only, and returns normally. */
    ROLLBACK_ONLY
  }

  /** An entry to book; attempts up to {@code failUpTo} end with {@code failure}. */
  public record Entry(String id, Failure failure, int failUpTo) {}

  /** Creates the ledger table; the engine's migration made the schema. */
  public void createTable() {
    jdbc.execute("create table " + table + " (id varchar(64), way varchar(16), attempt int)");
  }

  /** How many rows the ledger holds for {@code id}, written the way {@code way}. */
  public int rows(String id, String way) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from " + table + " where id = ? and way = ?", Integer.class, id, way);
    return n == null ? 0 : n;
  }

  @Step(transactional = true)
  @Retry(attempts = 2, delay = "10ms", jitter = 0)
  int book(@Input Entry e, DSLContext tx, StepContext ctx) {
    String insert = "insert into " + table + " (id, way, attempt) values (?, ?, ?)";
    jdbc.update(insert, e.id(), "jdbc", ctx.attempt());
    transactions.executeWithoutResult(
        status -> {
          jdbc.update(insert, e.id(), "template", ctx.attempt());
          if (e.failure() == Failure.ROLLBACK_ONLY && ctx.attempt() <= e.failUpTo()) {
            status.setRollbackOnly();
          }
        });
    tx.execute(insert, e.id(), "jooq", ctx.attempt());
    if (e.failure() == Failure.THROW && ctx.attempt() <= e.failUpTo()) {
      throw new IllegalStateException("failed after the inserts on attempt " + ctx.attempt());
    }
    return ctx.attempt();
  }
}

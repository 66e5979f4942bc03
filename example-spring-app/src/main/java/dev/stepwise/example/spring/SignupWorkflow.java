package dev.stepwise.example.spring;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import org.jooq.DSLContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signs a user up: {@code createAccount} inserts the account with Spring's JdbcTemplate in the
 * step's own transaction (the row and the step's completion commit together, so a retry or a crash
 * never makes two accounts), then {@code welcome} mails them, retried while the mailer fails. A
 * Spring bean: the starter registers its generated {@code SignupWorkflowRunner} as a bean.
 */
@Component
@Workflow(name = "signup", result = "welcome")
public class SignupWorkflow {
  private final JdbcTemplate jdbc;
  private final Mailer mailer;

  public SignupWorkflow(JdbcTemplate jdbc, Mailer mailer) {
    this.jdbc = jdbc;
    this.mailer = mailer;
  }

  // The DSLContext names the step's transaction (the processor asks every transactional step for
  // one); with the starter, the JdbcTemplate writes in that same transaction.
  @Step(transactional = true)
  long createAccount(@Input Signup signup, DSLContext tx) {
    jdbc.update("insert into accounts (email, name) values (?, ?)", signup.email(), signup.name());
    Long id =
        jdbc.queryForObject("select id from accounts where email = ?", Long.class, signup.email());
    return id == null ? -1 : id;
  }

  @Step
  @After("createAccount")
  @Retry(attempts = 3, delay = "200ms")
  String welcome(@Input Signup signup, @From("createAccount") long accountId) {
    return mailer.sendWelcome(signup.email(), accountId);
  }
}

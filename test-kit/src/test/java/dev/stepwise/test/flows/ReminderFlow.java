package dev.stepwise.test.flows;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

/** A reminder a day after signup: a durable timer of 24 hours before {@code remind}. */
@Workflow(name = "kit-reminder")
public class ReminderFlow {
  private final Mailer mailer;

  public ReminderFlow(Mailer mailer) {
    this.mailer = mailer;
  }

  /** Sends mail; a test passes a fake that records what was sent. */
  public interface Mailer {
    void send(String to, String text);
  }

  @Step
  String signup(@Input String user) {
    return user;
  }

  @Step
  @After(value = "signup", delay = "24h")
  String remind(@From("signup") String user) {
    mailer.send(user, "Still there?");
    return "reminded " + user;
  }
}

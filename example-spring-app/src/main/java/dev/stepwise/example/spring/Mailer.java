package dev.stepwise.example.spring;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A stand-in for a mail service that fails its first call, so the example shows a retried step;
 * counts what it sent.
 */
@Component
public class Mailer {
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger sent = new AtomicInteger();

  /** Sends a welcome mail; the first call of the process fails, as a flaky service would. */
  public String sendWelcome(String email, long accountId) {
    if (calls.incrementAndGet() == 1) {
      throw new IllegalStateException("mail service unavailable (the example's first call)");
    }
    sent.incrementAndGet();
    return "welcome mail for account " + accountId + " sent to " + email;
  }

  public int sent() {
    return sent.get();
  }
}

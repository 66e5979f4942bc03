package dev.stepwise.example.spring;

import dev.stepwise.runtime.StartOptions;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On start-up, signs one user up and prints how it went, so a first run of the example shows the
 * workflow without a request; off with {@code example.demo=false}.
 */
@Component
@ConditionalOnProperty(name = "example.demo", havingValue = "true", matchIfMissing = true)
class DemoSignup implements ApplicationRunner {
  private final SignupWorkflowRunner signups;

  DemoSignup(SignupWorkflowRunner signups) {
    this.signups = signups;
  }

  @Override
  public void run(ApplicationArguments args) {
    String email = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    SignupWorkflowResult r =
        signups.start(new Signup(email, "Ann"), StartOptions.defaults(), Duration.ofSeconds(30));
    System.out.println("== signup " + r.runId() + ": " + r.status() + " ==");
    System.out.println("createAccount: account " + r.createAccount().output());
    System.out.println(
        "welcome: " + r.output() + " (attempts: " + r.welcome().attempts() + ", the first failed)");
    System.out.println(
        "Try: curl -XPOST localhost:8080/signups -H 'Content-Type: application/json'"
            + " -d '{\"email\":\"bo@example.com\",\"name\":\"Bo\"}'; then GET /signups/{runId},"
            + " /actuator/health, /actuator/stepwise and the dashboard, /dashboard/");
  }
}

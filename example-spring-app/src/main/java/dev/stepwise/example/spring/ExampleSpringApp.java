package dev.stepwise.example.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with one workflow, {@link SignupWorkflow}: the starter builds the
 * engine on the application's DataSource (an H2 file under {@code ./stepwise-data}) and makes its
 * runner a bean. {@code POST /signups} starts a run, {@code GET /signups/{runId}} shows it, {@code
 * /actuator/health} and {@code /actuator/stepwise} show the engine, and the HTTP API ({@code
 * /api/...}) and dashboard ({@code /dashboard/}) are mounted in the same server.
 */
@SpringBootApplication
public class ExampleSpringApp {
  public static void main(String[] args) {
    SpringApplication.run(ExampleSpringApp.class, args);
  }
}

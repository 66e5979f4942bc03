package dev.stepwise.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.spring.StepwiseAutoConfiguration;
import dev.stepwise.spring.flows.GreetingWorkflow;
import dev.stepwise.spring.flows.GreetingWorkflowRunner;
import dev.stepwise.testing.Await;
import dev.stepwise.testing.TestSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code stepwise} health indicator and endpoint on an engine of the application's DataSource:
 * up with queue depths, down when the database refuses connections or the heartbeat is older than a
 * lease; the endpoint lists the workflow, its steps and its runs.
 */
abstract class ActuatorContract {
  private static final Duration WAIT = Duration.ofMinutes(1);

  private SwitchableDataSource dataSource;
  private ApplicationContextRunner contexts;

  @Configuration(proxyBeanMethods = false)
  static class Workflows {
    @Bean
    GreetingWorkflow greetingWorkflow() {
      return new GreetingWorkflow("Hi");
    }
  }

  @BeforeEach
  void onThisTestsSchema(TestSchema schema) {
    dataSource = new SwitchableDataSource(schema.dataSource());
    contexts =
        new ApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(
                    StepwiseAutoConfiguration.class, StepwiseActuatorAutoConfiguration.class))
            .withBean(DataSource.class, () -> dataSource)
            .withUserConfiguration(Workflows.class)
            .withPropertyValues(
                "stepwise.schema=" + schema.name(),
                "stepwise.lease=1s",
                "stepwise.database-timeout=500ms",
                "management.endpoints.web.exposure.include=health,stepwise");
  }

  @Test
  void healthIsUpWithTheQueueDepthsOfEachWorkflow() {
    contexts.run(
        context -> {
          Stepwise engine = context.getBean(Stepwise.class);
          context.getBean(GreetingWorkflowRunner.class).start("Ann", StartOptions.defaults(), WAIT);
          Await.until("a heartbeat", WAIT, () -> engine.leasesRenewedAt().isPresent());

          Health health = context.getBean(StepwiseHealthIndicator.class).health();

          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails())
              .containsEntry("database", "reachable")
              .containsEntry("node", engine.nodeId())
              .containsKey("leasesRenewedAt");
          @SuppressWarnings("unchecked")
          Map<String, Map<String, Integer>> workflows =
              (Map<String, Map<String, Integer>>) health.getDetails().get("workflows");
          assertThat(workflows.get("spring-greeting"))
              .containsEntry("running", 0)
              .containsEntry("queued", 0)
              .containsEntry("pending", 0);
        });
  }

  @Test
  void healthIsDownWhenTheDatabaseRefusesConnections() {
    contexts.run(
        context -> {
          dataSource.switchOff();

          Health health = context.getBean(StepwiseHealthIndicator.class).health();

          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat((String) health.getDetails().get("database")).startsWith("unreachable");
        });
  }

  @Test
  void healthIsDownWhenTheLeasesWereNotRenewedForLongerThanALease() {
    contexts.run(
        context -> {
          Stepwise engine = context.getBean(Stepwise.class);
          Await.until("a heartbeat", WAIT, () -> engine.leasesRenewedAt().isPresent());
          // Seen from a minute later: the 1s lease has long run out since that heartbeat.
          Clock later = Clock.fixed(engine.leasesRenewedAt().get().plusSeconds(60), ZoneOffset.UTC);

          Health health =
              new StepwiseHealthIndicator(engine, Duration.ofSeconds(1), later).health();

          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat((String) health.getDetails().get("leases")).contains("not renewed for PT1M");
        });
  }

  @Test
  void theEndpointListsTheWorkflowItsStepsAndItsRuns() {
    contexts.run(
        context -> {
          String runId =
              context
                  .getBean(GreetingWorkflowRunner.class)
                  .start("Bo", StartOptions.defaults(), WAIT)
                  .runId();
          StepwiseEndpoint endpoint = context.getBean(StepwiseEndpoint.class);

          StepwiseEndpoint.WorkflowView view = endpoint.workflows().workflows().get(0);

          assertThat(view.name()).isEqualTo("spring-greeting");
          assertThat(view.steps()).containsExactly("greet", "shout");
          assertThat(view.runs()).extracting(r -> r.runId()).containsExactly(runId);
          assertThat(endpoint.workflow("spring-greeting").runs()).hasSize(1);
          assertThat(endpoint.workflow("no-such-workflow")).isNull();
        });
  }

  @Test
  void theHealthIndicatorCanBeSwitchedOffAndTheEndpointIsOnlyThereWhenExposed() {
    contexts
        .withPropertyValues(
            "management.health.stepwise.enabled=false",
            "management.endpoints.web.exposure.include=health")
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean(StepwiseHealthIndicator.class)
                    .doesNotHaveBean(StepwiseEndpoint.class));
  }
}

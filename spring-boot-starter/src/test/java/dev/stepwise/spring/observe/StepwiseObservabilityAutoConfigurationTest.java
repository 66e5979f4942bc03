package dev.stepwise.spring.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.micrometer.StepwiseMetrics;
import dev.stepwise.opentelemetry.StepwiseTracing;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.spring.StepwiseAutoConfiguration;
import dev.stepwise.spring.flows.GreetingWorkflow;
import dev.stepwise.spring.flows.GreetingWorkflowRunner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine reports to the application's MeterRegistry and OpenTelemetry when it has them. */
class StepwiseObservabilityAutoConfigurationTest {
  @TempDir Path dir;

  @Configuration(proxyBeanMethods = false)
  static class Application {
    @Bean
    GreetingWorkflow greetingWorkflow() {
      return new GreetingWorkflow("Hello");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class WithRegistryAndOpenTelemetry {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    OpenTelemetry openTelemetry() {
      return OpenTelemetry.noop();
    }
  }

  private ApplicationContextRunner contexts() {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                StepwiseAutoConfiguration.class, StepwiseObservabilityAutoConfiguration.class))
        .withUserConfiguration(Application.class)
        .withPropertyValues("stepwise.embedded.dir=" + dir.resolve("db"));
  }

  @Test
  void aRunIsCountedInTheApplicationsRegistry_andTracingIsAnObserverToo() {
    contexts()
        .withUserConfiguration(WithRegistryAndOpenTelemetry.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(StepwiseMetrics.class);
              assertThat(context).hasSingleBean(StepwiseTracing.class);
              var run =
                  context
                      .getBean(GreetingWorkflowRunner.class)
                      .start("Ann", StartOptions.defaults(), Duration.ofMinutes(1));
              assertThat(run.status()).isEqualTo(Status.SUCCEEDED);
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(
                      registry
                          .get("stepwise.runs.started")
                          .tag("workflow", "spring-greeting")
                          .counter()
                          .count())
                  .isEqualTo(1.0);
            });
  }

  @Test
  void withoutARegistryOrOpenTelemetry_noObserverIsMade() {
    contexts()
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(StepwiseMetrics.class);
              assertThat(context).doesNotHaveBean(StepwiseTracing.class);
            });
  }
}

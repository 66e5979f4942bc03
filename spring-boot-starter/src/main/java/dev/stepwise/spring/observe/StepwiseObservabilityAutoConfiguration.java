package dev.stepwise.spring.observe;

import dev.stepwise.micrometer.StepwiseMetrics;
import dev.stepwise.opentelemetry.StepwiseTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's metrics in the application's {@link MeterRegistry} when {@code stepwise-micrometer}
 * is on the class path, and its traces through the application's {@link OpenTelemetry} when {@code
 * stepwise-opentelemetry} is: each an observer bean, which the engine's auto-configuration
 * registers. After Boot's own registry and OpenTelemetry, so that the conditions see them.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration"
    })
public class StepwiseObservabilityAutoConfiguration {

  /** Metrics: runs, step attempts, retries, claims, expired leases (docs/observability.md). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({StepwiseMetrics.class, MeterRegistry.class})
  @ConditionalOnBean(MeterRegistry.class)
  static class Metrics {
    @Bean
    @ConditionalOnMissingBean
    StepwiseMetrics stepwiseMetrics(MeterRegistry registry) {
      return StepwiseMetrics.of(registry);
    }
  }

  /** Traces: a span per run and per step attempt, continuing the caller's trace. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({StepwiseTracing.class, OpenTelemetry.class})
  @ConditionalOnBean(OpenTelemetry.class)
  static class Tracing {
    @Bean
    @ConditionalOnMissingBean
    StepwiseTracing stepwiseTracing(OpenTelemetry openTelemetry) {
      return StepwiseTracing.of(openTelemetry);
    }
  }
}

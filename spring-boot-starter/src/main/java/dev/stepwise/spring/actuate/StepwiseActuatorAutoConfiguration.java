package dev.stepwise.spring.actuate;

import dev.stepwise.runtime.Stepwise;
import dev.stepwise.spring.StepwiseAutoConfiguration;
import dev.stepwise.spring.StepwiseProperties;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With Actuator on the class path: the {@code stepwise} health indicator ({@code
 * management.health.stepwise.enabled}) and the {@code stepwise} endpoint (exposed like any other,
 * e.g. {@code management.endpoints.web.exposure.include=health,stepwise}).
 */
@AutoConfiguration(after = StepwiseAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Stepwise.class)
public class StepwiseActuatorAutoConfiguration {
  /** The engine's default lease, for an engine whose lease the properties do not name. */
  private static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

  @Bean
  @ConditionalOnMissingBean(name = "stepwiseHealthIndicator")
  @ConditionalOnEnabledHealthIndicator("stepwise")
  public StepwiseHealthIndicator stepwiseHealthIndicator(
      Stepwise stepwise, StepwiseProperties properties) {
    Duration lease = properties.getLease() != null ? properties.getLease() : DEFAULT_LEASE;
    return new StepwiseHealthIndicator(stepwise, lease, Clock.systemUTC());
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint
  public StepwiseEndpoint stepwiseEndpoint(Stepwise stepwise) {
    return new StepwiseEndpoint(stepwise);
  }
}

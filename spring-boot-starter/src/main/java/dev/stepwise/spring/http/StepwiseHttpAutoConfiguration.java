package dev.stepwise.spring.http;

import dev.stepwise.http.StepwiseHttp;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.spring.StepwiseAutoConfiguration;
import jakarta.servlet.Servlet;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The HTTP API and dashboard of {@code stepwise-http}, mounted in the application's own servlet
 * container under {@code /api/*} and {@code /dashboard/*}: when that module is on the class path,
 * in a servlet web application, unless {@code stepwise.http.enabled=false}. The two paths are the
 * ones the API and the dashboard's pages use; an application whose own routes live under {@code
 * /api} switches this off.
 */
@AutoConfiguration(after = StepwiseAutoConfiguration.class)
@ConditionalOnClass(name = "dev.stepwise.http.StepwiseHttp")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(Stepwise.class)
@ConditionalOnProperty(prefix = "stepwise.http", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(StepwiseHttpProperties.class)
public class StepwiseHttpAutoConfiguration {
  static final String[] PATHS = {"/api/*", "/dashboard/*"};

  @Bean
  @ConditionalOnMissingBean(name = "stepwiseHttpServlet")
  public ServletRegistrationBean<Servlet> stepwiseHttpServlet(
      Stepwise stepwise, StepwiseHttpProperties properties) {
    ServletRegistrationBean<Servlet> registration =
        new ServletRegistrationBean<>(
            StepwiseHttp.servlet(stepwise, properties.toOptions()), PATHS);
    registration.setName("stepwiseHttp");
    registration.setAsyncSupported(true); // the event streams of runs
    return registration;
  }
}

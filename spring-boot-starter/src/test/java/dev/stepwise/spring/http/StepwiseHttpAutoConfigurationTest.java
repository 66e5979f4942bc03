package dev.stepwise.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.spring.StepwiseAutoConfiguration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * The HTTP API's servlet is registered under /api/* and /dashboard/* in a servlet web application,
 * with async support for the event streams; not when switched off, nor outside a web application.
 * (example-spring-app's test sends it requests in a running server.)
 */
class StepwiseHttpAutoConfigurationTest {
  @TempDir Path dir;

  private AutoConfigurations configurations() {
    return AutoConfigurations.of(
        StepwiseAutoConfiguration.class, StepwiseHttpAutoConfiguration.class);
  }

  @Test
  void aServletWebApplicationGetsTheApiAndDashboardServlet() {
    new WebApplicationContextRunner()
        .withConfiguration(configurations())
        .withPropertyValues("stepwise.embedded.dir=" + dir, "stepwise.http.operator-tokens=secret")
        .run(
            context -> {
              ServletRegistrationBean<?> servlet =
                  context.getBean("stepwiseHttpServlet", ServletRegistrationBean.class);
              assertThat(servlet.getUrlMappings()).containsExactly("/api/*", "/dashboard/*");
              assertThat(servlet.isAsyncSupported()).isTrue();
              assertThat(context.getBean(StepwiseHttpProperties.class).toOptions().requiresTokens())
                  .isTrue();
            });
  }

  @Test
  void switchedOffOrOutsideAWebApplicationNothingIsMounted() {
    new WebApplicationContextRunner()
        .withConfiguration(configurations())
        .withPropertyValues("stepwise.embedded.dir=" + dir, "stepwise.http.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("stepwiseHttpServlet"));
    new ApplicationContextRunner()
        .withConfiguration(configurations())
        .withPropertyValues("stepwise.embedded.dir=" + dir)
        .run(context -> assertThat(context).doesNotHaveBean("stepwiseHttpServlet"));
  }
}

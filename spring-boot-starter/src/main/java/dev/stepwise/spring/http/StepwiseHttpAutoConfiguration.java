package dev.stepwise.spring.http;

import dev.stepwise.spring.StepwiseAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/**
 * PLACE HELD FOR the HTTP API and dashboard of {@code stepwise-http}, mounted in the application's
 * own servlet container: active only when that module is on the class path, in a servlet web
 * application, unless {@code stepwise.http.enabled=false}.
 *
 * <p>Not wired yet: {@code dev.stepwise.http.StepwiseHttp.servlet(...)}, the mountable servlet, is
 * being built in the http module. Once it is there, this class gets one bean, a {@code
 * ServletRegistrationBean} of that servlet under {@code stepwise.http.path} (default {@code
 * /stepwise/*}) built on the {@code Stepwise} bean, and docs/spring.md its properties.
 */
@AutoConfiguration(after = StepwiseAutoConfiguration.class)
@ConditionalOnClass(name = "dev.stepwise.http.StepwiseHttp")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "stepwise.http", name = "enabled", matchIfMissing = true)
public class StepwiseHttpAutoConfiguration {}

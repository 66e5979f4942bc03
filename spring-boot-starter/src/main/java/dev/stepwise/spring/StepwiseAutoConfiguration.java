package dev.stepwise.spring;

import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.spi.observe.StepwiseObserver;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * The engine on the application's {@link DataSource} (or on an embedded H2 file database when there
 * is none), a runner bean for every {@code @Workflow} bean, and the engine's lifecycle tied to the
 * context's; every {@link StepwiseObserver} bean observes the engine. Each bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(
    after = {
      DataSourceAutoConfiguration.class,
      DataSourceTransactionManagerAutoConfiguration.class
    })
@ConditionalOnClass(Stepwise.class)
@EnableConfigurationProperties(StepwiseProperties.class)
public class StepwiseAutoConfiguration {
  private static final boolean SPRING_JDBC =
      ClassUtils.isPresent(
          "org.springframework.jdbc.datasource.ConnectionHolder",
          StepwiseAutoConfiguration.class.getClassLoader());

  /**
   * The engine. On the application's only (or primary) DataSource when there is one, which the
   * engine never closes; otherwise on an H2 file database in {@code stepwise.embedded.dir}, closed
   * with the engine. Made after the application's own database initialisation (its Flyway or
   * Liquibase migrations, its schema.sql): the engine's tables may share the application's schema,
   * and Boot's Flyway refuses to start on a schema that is not empty but has no history of its own.
   */
  @Bean
  @ConditionalOnMissingBean
  @DependsOnDatabaseInitialization
  public Stepwise stepwise(
      StepwiseProperties properties,
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<StepwiseObserver> observers,
      ObjectProvider<StepwiseBuilderCustomizer> customizers) {
    Stepwise.Builder builder = Stepwise.builder();
    DataSource application = dataSource.getIfUnique();
    if (application != null) {
      builder.dataSource(application);
      if (SPRING_JDBC) {
        builder.transactionalStepScope(new SpringTransactionScope(application));
      }
    } else {
      builder.embedded(properties.getEmbedded().getDir());
    }
    properties.applyTo(builder);
    observers.orderedStream().forEach(builder::observer);
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /** Starts the engine with the context and stops it, gracefully, when the context closes. */
  @Bean
  @ConditionalOnMissingBean
  StepwiseLifecycle stepwiseLifecycle(Stepwise stepwise, StepwiseProperties properties) {
    return new StepwiseLifecycle(stepwise, properties.isAutoStart());
  }

  /** Static: a registry post-processor must exist before the other beans are defined. */
  @Bean
  static WorkflowRunnerRegistrar stepwiseWorkflowRunnerRegistrar() {
    return new WorkflowRunnerRegistrar();
  }
}

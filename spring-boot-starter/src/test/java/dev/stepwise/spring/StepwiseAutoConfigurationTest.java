package dev.stepwise.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.spring.flows.GreetingWorkflow;
import dev.stepwise.spring.flows.GreetingWorkflowResult;
import dev.stepwise.spring.flows.GreetingWorkflowRunner;
import dev.stepwise.spring.flows.Outer;
import dev.stepwise.spring.flows.Outer_NestedRunner;
import dev.stepwise.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The auto-configuration without a DataSource bean (so on the embedded H2 file database): the
 * engine, a runner bean per workflow bean, the lifecycle, the properties, and backing off.
 */
class StepwiseAutoConfigurationTest {
  private static final Duration WAIT = Duration.ofMinutes(1);

  @TempDir Path dir;
  private ApplicationContextRunner contexts;

  @Configuration(proxyBeanMethods = false)
  static class Workflows {
    @Bean
    GreetingWorkflow greetingWorkflow() {
      return new GreetingWorkflow("Hello");
    }

    @Bean
    Outer.Nested nested() {
      return new Outer.Nested();
    }
  }

  @BeforeEach
  void embeddedInATemporaryDirectory() {
    contexts =
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StepwiseAutoConfiguration.class))
            .withUserConfiguration(Workflows.class)
            .withPropertyValues("stepwise.embedded.dir=" + dir.resolve("db"));
  }

  @Test
  void withoutADataSourceTheEngineIsEmbeddedAndEachWorkflowBeanGetsARunnerBean() {
    contexts.run(
        context -> {
          assertThat(context).hasSingleBean(Stepwise.class);
          assertThat(context).hasBean("greetingWorkflowRunner").hasBean("nestedRunner");
          assertThat(Files.list(dir.resolve("db"))).isNotEmpty(); // H2's file is there

          GreetingWorkflowResult r =
              context
                  .getBean(GreetingWorkflowRunner.class)
                  .start("Ann", StartOptions.defaults(), WAIT);
          assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
          assertThat(r.output()).isEqualTo("Hello, Ann!");
          assertThat(
                  context
                      .getBean(Outer_NestedRunner.class)
                      .start(21, StartOptions.defaults(), WAIT))
              .extracting(x -> x.output())
              .isEqualTo(42);
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnEngine {
    @Bean
    Stepwise myEngine() {
      return Stepwise.builder()
          .embedded(Path.of("target", "own-engine-" + System.nanoTime()))
          .nodeId("mine")
          .build();
    }
  }

  @Test
  void backsOffWhenTheApplicationDefinesItsOwnEngineAndRegistersTheRunnersOnIt() {
    contexts
        .withUserConfiguration(OwnEngine.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(Stepwise.class).hasBean("myEngine");
              Stepwise engine = context.getBean(Stepwise.class);
              assertThat(engine.nodeId()).isEqualTo("mine");
              assertThat(engine.client("spring-greeting")).isPresent();
              assertThat(
                      context
                          .getBean(GreetingWorkflowRunner.class)
                          .start("Bo", StartOptions.defaults(), WAIT)
                          .output())
                  .isEqualTo("Hello, Bo!");
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnRunner {
    @Bean
    GreetingWorkflowRunner myRunner(Stepwise engine, GreetingWorkflow workflow) {
      return new GreetingWorkflowRunner(engine, workflow);
    }
  }

  @Test
  void aRunnerTheApplicationMadeIsNotMadeTwice() {
    // A second runner would register "spring-greeting" twice with the engine.
    contexts
        .withUserConfiguration(OwnRunner.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(GreetingWorkflowRunner.class).hasBean("myRunner");
            });
  }

  @Test
  void propertiesBindAndReachTheEngine() {
    contexts
        .withPropertyValues(
            "stepwise.node-id=node-a",
            "stepwise.workers=3",
            "stepwise.lease=2s",
            "stepwise.retention=7d",
            "stepwise.max-payload-bytes=4096",
            "stepwise.queues.mail.concurrency=2",
            "stepwise.queues.mail.rate=10",
            "stepwise.queues.mail.rate-period=1m",
            "stepwise.auto-start=false")
        .run(
            context -> {
              StepwiseProperties p = context.getBean(StepwiseProperties.class);
              assertThat(p.getWorkers()).isEqualTo(3);
              assertThat(p.getLease()).isEqualTo(Duration.ofSeconds(2));
              assertThat(p.getRetention()).isEqualTo(Duration.ofDays(7));
              assertThat(p.getMaxPayloadBytes()).isEqualTo(4096);
              assertThat(p.getQueues().get("mail").toSpec("mail").rate()).isEqualTo(10);
              assertThat(p.getQueues().get("mail").getRatePeriod())
                  .isEqualTo(Duration.ofMinutes(1));
              assertThat(context.getBean(Stepwise.class).nodeId()).isEqualTo("node-a");
              // auto-start=false: the context does not start the workers.
              assertThat(context.getBean(StepwiseLifecycle.class).isRunning()).isFalse();
              assertThat(context.getBean(Stepwise.class).leasesRenewedAt()).isEmpty();
            });
  }

  @Test
  void aPropertyTheEngineRefusesFailsTheStartWithTheEnginesMessage() {
    contexts
        .withPropertyValues("stepwise.workers=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("workers must be at least 1, was 0"));
  }

  @Test
  void theEngineStartsWithTheContextAndIsClosedWithIt() {
    Stepwise[] kept = {null};
    contexts
        .withPropertyValues("stepwise.lease=300ms")
        .run(
            context -> {
              assertThat(context.getBean(StepwiseLifecycle.class).isRunning()).isTrue();
              kept[0] = context.getBean(Stepwise.class);
              Await.until(
                  "the started engine's heartbeat",
                  WAIT,
                  () -> kept[0].leasesRenewedAt().isPresent());
            });
    assertThatThrownBy(kept[0]::start).hasMessageContaining("engine is closed");
  }

  @Test
  void theRunnerOfANestedWorkflowIsNamedAsTheProcessorNamesIt() {
    assertThat(WorkflowRunnerRegistrar.runnerName(Outer.Nested.class))
        .isEqualTo("dev.stepwise.spring.flows.Outer_NestedRunner");
    assertThat(WorkflowRunnerRegistrar.runnerName(GreetingWorkflow.class))
        .isEqualTo("dev.stepwise.spring.flows.GreetingWorkflowRunner");
  }
}

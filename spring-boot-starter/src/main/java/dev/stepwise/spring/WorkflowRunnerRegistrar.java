package dev.stepwise.spring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.BeanDefinitionStoreException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.Ordered;

/**
 * Registers, for every bean whose class is annotated {@code @Workflow}, a bean of its generated
 * runner ({@code OrderWorkflow} → {@code OrderWorkflowRunner}, a nested {@code Outer.Inner} →
 * {@code Outer_InnerRunner}, in the workflow's package) built as {@code new
 * OrderWorkflowRunner(engine, workflowBean)}, so the runner registers the workflow with the engine.
 *
 * <p>The runner class is found by name, and constructed, with reflection once at start-up; the
 * steps run through the generated dispatch, without reflection. A workflow whose runner is already
 * a bean (the application made it) is left alone.
 */
final class WorkflowRunnerRegistrar implements BeanDefinitionRegistryPostProcessor, Ordered {
  static final String RUNNER_SUFFIX = "Runner";

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    if (!(registry instanceof ConfigurableListableBeanFactory beans)) {
      return; // every application context's registry is one; nothing to find otherwise
    }
    // Decided before registering any: two beans of one workflow class get two runners (and the
    // engine reports the duplicate workflow), unless the application made its own.
    List<String> workflows = workflowBeans(beans);
    List<Class<?>> runners = new ArrayList<>();
    for (String name : workflows) {
      Class<?> runner = runnerOf(name, beans.getType(name, false));
      runners.add(beans.getBeanNamesForType(runner, true, false).length > 0 ? null : runner);
    }
    for (int i = 0; i < workflows.size(); i++) {
      if (runners.get(i) != null) {
        String name = workflows.get(i);
        registry.registerBeanDefinition(
            name + RUNNER_SUFFIX, runnerDefinition(runners.get(i), name));
      }
    }
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}

  @Override
  public int getOrder() {
    // After the other registry post-processors, so beans they define are seen.
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Names of the beans whose type is annotated {@code @Workflow}, sorted for a stable order. */
  private static List<String> workflowBeans(ConfigurableListableBeanFactory beans) {
    List<String> names = new ArrayList<>();
    // No FactoryBean is initialised to learn its type: a workflow is an ordinary bean.
    for (String name : beans.getBeanNamesForType(Object.class, true, false)) {
      if (WorkflowClasses.isWorkflow(beans.getType(name, false))) {
        names.add(name);
      }
    }
    names.sort(null);
    return names;
  }

  /** The generated runner of {@code workflow}, by the processor's naming rule. */
  static Class<?> runnerOf(String beanName, Class<?> workflow) {
    String name = runnerName(workflow);
    try {
      return Class.forName(name, false, workflow.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new BeanDefinitionStoreException(
          "Bean '"
              + beanName
              + "' is a @Workflow ("
              + workflow.getName()
              + ") but its generated runner "
              + name
              + " is not on the class path: compile it with stepwise-processor on the"
              + " annotation processor path (see docs/spring.md)",
          e);
    }
  }

  static String runnerName(Class<?> workflow) {
    Class<?> top = workflow;
    List<String> names = new ArrayList<>(List.of(workflow.getSimpleName()));
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
      names.add(0, top.getSimpleName());
    }
    String pkg = workflow.getPackageName();
    String simple = String.join("_", names) + RUNNER_SUFFIX;
    return pkg.isEmpty() ? simple : pkg + "." + simple;
  }

  private static BeanDefinition runnerDefinition(Class<?> runner, String workflowBean) {
    if (Arrays.stream(runner.getDeclaredConstructors())
        .noneMatch(c -> c.getParameterCount() == 2)) {
      throw new BeanDefinitionStoreException(
          runner.getName() + " has no (engine, workflow) constructor: not a generated runner?");
    }
    RootBeanDefinition def = new RootBeanDefinition(runner);
    // The engine is found by type (the starter's or the application's own); the workflow is this
    // bean, by name, since an application may have several beans of one workflow class.
    def.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
    def.getConstructorArgumentValues()
        .addIndexedArgumentValue(1, new RuntimeBeanReference(workflowBean));
    def.setDependsOn(workflowBean);
    return def;
  }
}

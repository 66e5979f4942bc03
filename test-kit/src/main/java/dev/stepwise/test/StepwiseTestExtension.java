package dev.stepwise.test;

import dev.stepwise.runtime.Stepwise;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(StepwiseTestExtension.class)}: gives each test method (and its
 * {@code @BeforeEach} methods) a parameter of type {@link StepwiseTestEngine} or {@link Stepwise},
 * one open test engine per test, closed with its database after it. For settings of your own,
 * register a {@code StepwiseTestEngine} with {@code @RegisterExtension} instead.
 */
public final class StepwiseTestExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StepwiseTestExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == StepwiseTestEngine.class || type == Stepwise.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    StepwiseTestEngine engine = engineOf(context);
    return parameter.getParameter().getType() == Stepwise.class ? engine.engine() : engine;
  }

  private static StepwiseTestEngine engineOf(ExtensionContext context) {
    // Stored on the test method's context: @BeforeEach methods and the test share it, and JUnit
    // closes it when that context ends, after the test's @AfterEach methods.
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(StepwiseTestEngine.class, k -> new Resource(), Resource.class)
        .engine;
  }

  /** The engine of one test, closed by JUnit with the test method's context. */
  private static final class Resource implements ExtensionContext.Store.CloseableResource {
    private final StepwiseTestEngine engine = new StepwiseTestEngine().open();

    @Override
    public void close() {
      engine.close();
    }
  }
}

package dev.stepwise.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What {@link StepwiseDatabase} does: opens the class's database before its tests and closes it
 * after them; before each test, skips or fails it when the database is unreachable ({@link
 * TestDatabase#require}) and hands it a fresh {@link TestSchema}, which it drops after the test.
 */
public final class StepwiseDatabaseExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(StepwiseDatabaseExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    DatabaseKind kind = kind(context);
    String prefix = "h2-" + context.getRequiredTestClass().getSimpleName() + "-";
    TestDatabase db =
        switch (kind) {
          case H2 -> TestDatabase.h2File(prefix);
          case POSTGRES -> TestDatabase.postgres();
        };
    context.getStore(NAMESPACE).put(TestDatabase.class, new Opened(db));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestDatabase db = context.getStore(NAMESPACE).get(TestDatabase.class, Opened.class).db;
    db.require();
    TestSchema schema =
        new TestSchema(kind(context), db.dataSource(), TestDatabase.randomSchema("sw_"));
    context.getStore(NAMESPACE).put(TestSchema.class, schema);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    // Absent when the database was unreachable: then the test never had a schema.
    TestSchema schema = context.getStore(NAMESPACE).remove(TestSchema.class, TestSchema.class);
    if (schema != null) {
      TestDatabase.dropSchema(schema.dataSource(), schema.name());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestSchema.class;
  }

  @Override
  public TestSchema resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestSchema schema = context.getStore(NAMESPACE).get(TestSchema.class, TestSchema.class);
    if (schema == null) {
      throw new ParameterResolutionException(
          "A TestSchema belongs to one test: take it in a @BeforeEach or @Test method, not in "
              + parameter.getDeclaringExecutable());
    }
    return schema;
  }

  private static DatabaseKind kind(ExtensionContext context) {
    return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), StepwiseDatabase.class)
        .map(StepwiseDatabase::value)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    context.getRequiredTestClass().getName()
                        + " is not annotated @"
                        + StepwiseDatabase.class.getSimpleName()));
  }

  /** The class's database, closed by JUnit with the class's store. */
  private record Opened(TestDatabase db) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      try {
        db.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

package dev.stepwise.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.Arrays;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor and the options generated code must survive. */
final class Compiler {
  private Compiler() {}

  static JavaFileObject source(String resource) {
    return JavaFileObjects.forResource(resource);
  }

  /**
   * Compiles with {@code -Xlint:all -Werror}: generated code must not warn. Both processors, in the
   * order javac discovers them (see {@code ProcessorDiscoveryTest}).
   */
  static Compilation compile(JavaFileObject... sources) {
    return javac()
        .withProcessors(new LocalWorkflowProcessor(), new WorkflowProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .compile(Arrays.asList(sources));
  }

  /**
   * Like {@link #compile}, without {@code -Xlint:processing}: sources with Jakarta constraints
   * would warn that no processor claimed them. Stepwise reads them but must not claim them (other
   * processors, like Hibernate Validator's, may need them), and the warning is about the user's
   * annotations, not about generated code, which still compiles under every other lint.
   */
  static Compilation compileWithConstraints(JavaFileObject... sources) {
    return javac()
        .withProcessors(new LocalWorkflowProcessor(), new WorkflowProcessor())
        .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
        .compile(Arrays.asList(sources));
  }

  static Compilation compileWithConstraints(String... resources) {
    return compileWithConstraints(
        Arrays.stream(resources).map(Compiler::source).toArray(JavaFileObject[]::new));
  }

  static Compilation compile(String... resources) {
    return compile(Arrays.stream(resources).map(Compiler::source).toArray(JavaFileObject[]::new));
  }
}

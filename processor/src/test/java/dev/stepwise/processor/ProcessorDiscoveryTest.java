package dev.stepwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The two processors as a build finds them, through {@code META-INF/services}: javac runs them in
 * that order, and stops offering a round to further processors once every annotation is claimed.
 */
class ProcessorDiscoveryTest {

  @Test
  void localWorkflowProcessor_isDiscoveredBeforeWorkflowProcessor() {
    // WorkflowProcessor claims every annotation of a file of workflows; listed after it, the
    // local-class check would not run in that first round, and would miss that file.
    List<String> names = discovered().stream().map(p -> p.getClass().getName()).toList();
    assertEquals(
        List.of(LocalWorkflowProcessor.class.getName(), WorkflowProcessor.class.getName()), names);
  }

  @Test
  void discoveredProcessors_reportHiddenWorkflows_nextToWorkflowsTheyGenerate() {
    JavaFileObject src = Compiler.source("bad/HiddenWorkflows.java");
    Compilation c =
        javac().withProcessors(discovered()).withOptions("-Xlint:all", "-Werror").compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(5);
    assertThat(c)
        .hadErrorContaining("@Workflow class InLambda is declared inside a lambda")
        .inFile(src)
        .onLineContaining("@Workflow(name = \"in-lambda\")");
  }

  /** Stepwise's processors as javac's discovery finds them: in the order of the services file. */
  private static List<Processor> discovered() {
    return ServiceLoader.load(Processor.class).stream()
        .filter(p -> p.type().getName().startsWith("dev.stepwise."))
        .map(ServiceLoader.Provider::get)
        .toList();
  }
}

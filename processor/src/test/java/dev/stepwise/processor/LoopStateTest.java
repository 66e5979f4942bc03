package dev.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loops that carry state (issue 13): each {@code @Previous} rule broken once, with the exact
 * message on the exact line, and what the dispatch passes for a valid one.
 */
class LoopStateTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        bad(
            "@Previous on a step that is not a loop is reported on the parameter",
            "PreviousWithoutLoop",
            "@Previous parameter before of sum() receives the output of the loop's iteration"
                + " before, but sum() is not a loop; add repeatUntil or repeatWhile and"
                + " maxIterations to its @Step, or remove @Previous",
            "@Previous Optional<Integer> before"),
        bad(
            "@Previous of another type than the step's output names the type to declare",
            "PreviousWrongType",
            "@Previous parameter before has type java.util.Optional<java.util.List<java.lang.String>>;"
                + " it must be Optional of the step's own output type: empty on the first"
                + " iteration, the iteration before's output after that; declare it as"
                + " Optional<java.util.List<java.lang.Integer>>",
            "@Previous Optional<List<String>> before"),
        bad(
            "@Previous that is not an Optional names the boxed output type",
            "PreviousNotOptional",
            "@Previous parameter before has type int; it must be Optional of the step's own output"
                + " type: empty on the first iteration, the iteration before's output after that;"
                + " declare it as Optional<java.lang.Integer>",
            "@Previous int before"),
        bad(
            "a second @Previous parameter is reported on it",
            "PreviousTwice",
            "Step sum() has two @Previous parameters (before and again); both would receive the"
                + " same output of the iteration before, so remove one",
            "@Previous Optional<Integer> again"),
        bad(
            "a loop with @Previous still needs maxIterations, and that is its only error",
            "PreviousLoopNoMax",
            "@Step(repeatUntil = \"reached\") needs maxIterations of at least 1 (it is 0)",
            "@Step(repeatUntil = \"reached\")"),
        bad(
            "a condition reads the last iteration with @From, not @Previous",
            "PreviousInCondition",
            "@Condition reached() may not take a @Previous parameter",
            "@Previous Optional<Integer> sum"),
        bad(
            "@Previous on a helper's parameter has no effect, like any parameter source",
            "PreviousOnHelper",
            "@Previous on parameter before of next() has no effect",
            "@Previous Optional<Integer> before"));
  }

  private static Arguments bad(String behaviour, String file, String message, String spot) {
    return Arguments.of(named(behaviour, "bad/" + file + ".java"), message, spot);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyOneErrorOnTheExactLine(String resource, String message, String spot) {
    JavaFileObject source = Compiler.source(resource);
    Compilation c = Compiler.compile(source);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining(message).inFile(source).onLineContaining(spot);
  }

  @Test
  void previous_isReadFromTheInvocation_asTheStepsOwnOutputType() throws IOException {
    Compilation c = Compiler.compile("good/PreviousWorkflow.java");
    assertThat(c).succeededWithoutWarnings();
    String definition =
        c.generatedSourceFile("good.PreviousWorkflowDefinition")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    // A generic output reuses the step's TypeReference constant; a primitive one its box.
    assertThat(definition)
        .contains("invocation.previous(PreviousWorkflowDefinition.COLLECT_OUTPUT)");
    assertThat(definition).contains("invocation.previous(Integer.class)");
  }
}

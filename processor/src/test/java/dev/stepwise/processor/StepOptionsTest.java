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
 * The step options of issue 4 (timers, timeouts, ...): each rule broken once, with the exact
 * message on the line of the exact value, and what the definition declares for valid options.
 */
class StepOptionsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        bad(
            "a malformed timer delay is reported on the value",
            "DelayInvalid",
            "@After(delay = \"24 hours\") is not a valid duration; write a positive integer and a"
                + " unit ms, s, m, h or d, like \"30s\" or \"24h\"",
            "delay = \"24 hours\""),
        bad(
            "a timer longer than a year is reported on the value",
            "DelayTooLong",
            "@After(delay = \"400d\") is longer than 365d, the longest allowed; use a shorter"
                + " duration",
            "delay = \"400d\""),
        bad(
            "a zero timeout is reported on the value",
            "TimeoutZero",
            "@Step(timeout = \"0s\") is not a valid duration; write a positive integer",
            "@Step(timeout = \"0s\")"));
  }

  private static Arguments bad(String behaviour, String file, String message, String spot) {
    return Arguments.of(named(behaviour, "bad/" + file + ".java"), message, spot);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyOneErrorOnTheExactSpot(String resource, String message, String spot) {
    JavaFileObject source = Compiler.source(resource);
    Compilation c = Compiler.compile(source);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining(message).inFile(source).onLineContaining(spot);
  }

  @Test
  void delayAndTimeout_areDeclaredOnTheStepSpecs() throws IOException {
    Compilation c = Compiler.compile("good/TimedWorkflow.java");
    assertThat(c).succeededWithoutWarnings();
    String definition =
        c.generatedSourceFile("good.TimedWorkflowDefinition")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertThat(definition).contains(".withTimeout(Duration.ofMillis(30000L))");
    assertThat(definition).contains(".withDelay(Duration.ofMillis(86400000L))");
  }
}

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
            "@Step(timeout = \"0s\")"),
        bad(
            "an unknown @Parallel(over) step is reported on the value, with a suggestion",
            "ParallelUnknownStep",
            "@Parallel(over = \"serch\") refers to unknown step \"serch\"; did you mean"
                + " \"search\"?",
            "@Parallel(over = \"serch\")"),
        bad(
            "fanning out over a step that is not a List is reported on the value",
            "ParallelNotAList",
            "@Parallel(over = \"search\") fans out over step \"search\", which outputs"
                + " java.lang.String; it must output a java.util.List",
            "@Parallel(over = \"search\")"),
        bad(
            "fanning out over a step that is not upstream names the @After to add",
            "ParallelNotUpstream",
            "@Parallel(over = \"search\") fans out over step \"search\", which is not upstream of"
                + " step \"summarize\"; add @After(\"search\") to summarize()",
            "@Parallel(over = \"search\")"),
        bad(
            "a @Parallel step without an @Item parameter is reported on @Parallel",
            "ParallelNoItem",
            "@Parallel step summarize() has no @Item parameter; add one of type java.lang.String",
            "@Parallel(over = \"search\", maxConcurrency = 3)"),
        bad(
            "a second @Item parameter is reported on it",
            "ParallelTwoItems",
            "@Parallel step summarize() has two @Item parameters (page and again)",
            "String summarize(@Item String page, @Item String again)"),
        bad(
            "an @Item of the wrong type names the element type",
            "ItemTypeMismatch",
            "@Item parameter page has type java.lang.Integer, but step \"search\" outputs a list"
                + " of java.lang.String; change the parameter type to java.lang.String",
            "@Item Integer page"),
        bad(
            "an @Item without @Parallel is reported on the parameter",
            "ItemWithoutParallel",
            "@Item parameter page of summarize() needs @Parallel(over = \"...\") on the step",
            "@Item String page"),
        bad(
            "a negative maxConcurrency is reported on the value",
            "ParallelNegativeConcurrency",
            "@Parallel(maxConcurrency = -1) must not be negative",
            "maxConcurrency = -1"),
        bad(
            "a loop without maxIterations is reported on its condition",
            "LoopNoMax",
            "@Step(repeatUntil = \"ready\") needs maxIterations of at least 1 (it is 0), so the"
                + " loop cannot run forever; add maxIterations = 10 or the bound you mean",
            "@Step(repeatUntil = \"ready\")"),
        bad(
            "a loop with both conditions is reported on repeatWhile",
            "LoopBoth",
            "@Step has both repeatUntil = \"ready\" and repeatWhile = \"busy\"; a loop has one"
                + " condition, so keep one",
            "repeatWhile = \"busy\""),
        bad(
            "maxIterations without a loop condition is reported on the value",
            "LoopMaxWithoutCondition",
            "@Step(maxIterations = 5) bounds a loop, but the step has no repeatUntil or"
                + " repeatWhile",
            "@Step(maxIterations = 5)"),
        bad(
            "an unknown loop condition is reported on the value, with a suggestion",
            "LoopConditionUnknown",
            "@Step(repeatWhile = \"bussy\") refers to unknown @Condition \"bussy\"; did you mean"
                + " \"busy\"?",
            "@Step(repeatWhile = \"bussy\", maxIterations = 5)"),
        bad(
            "a loop condition may read the loop step, but not a step that is not upstream",
            "LoopConditionNotUpstream",
            "@Condition belowLimit() reads @From(\"limit\"), but step \"limit\" is not upstream of"
                + " step \"poll\", which uses this condition; add @After(\"limit\") to poll()",
            "@From(\"limit\") int limit"),
        bad(
            "a second @Event parameter is reported on it",
            "EventTwice",
            "Step pay() has two @Event parameters (by and amount); a step waits for one event, so"
                + " remove one",
            "@Event(\"paid\") Integer amount"),
        bad(
            "an event name that is not an identifier is reported on the value",
            "EventNameInvalid",
            "@Event(\"order.approved\") is not a Java identifier: the name makes the generated"
                + " send method",
            "@Event(\"order.approved\")"),
        bad(
            "two steps that take one event with different payload types are reported",
            "EventTypesDiffer",
            "@Event(\"approved\") parameter amount has type java.lang.Integer, but pay() receives"
                + " the same event as java.lang.String; one event has one payload type",
            "@Event(\"approved\") Integer amount"),
        bad(
            "an invalid event timeout is reported on the value",
            "EventTimeoutInvalid",
            "@Event(timeout = \"2 days\") is not a valid duration",
            "timeout = \"2 days\""),
        bad(
            "a condition may not take an event",
            "EventInCondition",
            "@Condition approved() may not take an @Event parameter",
            "@Event(\"approved\") Boolean ok"),
        bad(
            "a transactional step without a DSLContext is reported on transactional",
            "TransactionalNoDsl",
            "@Step(transactional = true) method book() has no org.jooq.DSLContext parameter",
            "@Step(transactional = true)"),
        bad(
            "a DSLContext parameter on a step that is not transactional is reported on it",
            "DslWithoutTransactional",
            "Parameter tx of book() is a DSLContext, which only a transactional step receives",
            "String book(DSLContext tx)"),
        bad(
            "a transactional step with a timeout is reported on transactional",
            "TransactionalCombined",
            "@Step(transactional = true) cannot be combined with timeout",
            "@Step(transactional = true, timeout = \"5s\")"));
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
  void parallel_isDeclaredOnTheStepSpec_andDownstreamSeesTheListOfResults() throws IOException {
    Compilation c = Compiler.compile("good/FanOutWorkflow.java");
    assertThat(c).succeededWithoutWarnings();
    String definition =
        c.generatedSourceFile("good.FanOutWorkflowDefinition")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertThat(definition).contains(".withParallel(\"search\", 4)");
    assertThat(definition).contains("invocation.item(FanOutWorkflowDefinition.COUNT_ITEM)");
    String result =
        c.generatedSourceFile("good.FanOutWorkflowResult")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertThat(result).contains("StepResult<List<Integer>> count()");
  }

  @Test
  void loop_isDeclaredOnTheStepSpec_andItsConditionMayReadTheLoopStep() throws IOException {
    Compilation c = Compiler.compile("good/LoopWorkflow.java");
    assertThat(c).succeededWithoutWarnings();
    String definition =
        c.generatedSourceFile("good.LoopWorkflowDefinition")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertThat(definition).contains(".withLoop(\"reached\", true, 10)");
  }

  @Test
  void event_isDeclaredOnTheStepSpec_andTheRunnerSendsItTyped() throws IOException {
    Compilation c = Compiler.compile("good/EventWorkflow.java");
    assertThat(c).succeededWithoutWarnings();
    String definition =
        c.generatedSourceFile("good.EventWorkflowDefinition")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertThat(definition)
        .contains(".withEvent(\"approved\", Duration.ofMillis(172800000L), true)");
    assertThat(definition).contains("invocation.event(EventWorkflowDefinition.PAY_EVENT)");
    String runner =
        c.generatedSourceFile("good.EventWorkflowRunner")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertThat(runner).contains("public boolean sendApproved(String runId, List<String> payload)");
  }

  @Test
  void transactional_isDeclaredAndTheDslContextComesFromTheInvocation() throws IOException {
    Compilation c = Compiler.compile("good/TxWorkflow.java");
    assertThat(c).succeededWithoutWarnings();
    String definition =
        c.generatedSourceFile("good.TxWorkflowDefinition")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertThat(definition).contains(".withTransactional()");
    assertThat(definition).contains("workflow.book(invocation.transaction())");
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

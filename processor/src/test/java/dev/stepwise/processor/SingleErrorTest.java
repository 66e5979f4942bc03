package dev.stepwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.google.testing.compile.Compilation;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One rule broken once per {@code bad/Xxx.java}: exactly one error, with the exact message, on the
 * line of the exact spot (the annotation value when there is one).
 */
class SingleErrorTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        bad(
            "an unknown @After id is reported on that value, with a suggestion",
            "AfterUnknownStep",
            "@After refers to unknown step \"shipp\"; did you mean \"ship\"?",
            "@After({\"reserve\", \"shipp\"})"),
        bad(
            "an unknown @From id is reported on that value, with a suggestion",
            "FromUnknownStep",
            "@From refers to unknown step \"reserv\"; did you mean \"reserve\"?",
            "@From(\"reserv\")"),
        bad(
            "an unknown when condition is reported on that value, with a suggestion",
            "ConditionUnknown",
            "@Step(when = \"isLargee\") refers to unknown @Condition \"isLargee\"; did you mean"
                + " \"isLarge\"?",
            "@Step(when = \"isLargee\")"),
        bad(
            "a duplicate step id is reported on the second id",
            "DuplicateStepId",
            "Duplicate step id \"charge\": it is also the id of charge(); give one of them another"
                + " @Step(id = \"...\")",
            "@Step(id = \"charge\")"),
        bad(
            "two overloaded step methods without ids are reported as a duplicate id",
            "DuplicateMethodStep",
            "Duplicate step id \"charge\": it is also the id of charge()",
            "String charge()"),
        bad(
            "an unknown unless condition is reported on that value, listing none available",
            "UnlessUnknown",
            "@Step(unless = \"isSmall\") refers to unknown @Condition \"isSmall\"; there are"
                + " none",
            "@Step(unless = \"isSmall\")"),
        bad(
            "overloaded conditions are reported as a duplicate on the second",
            "ConditionDuplicate",
            "Duplicate @Condition \"isLarge\": conditions are named by their method, so"
                + " overloads are ambiguous; rename one of them",
            "boolean isLarge()"),
        bad(
            "step ids that differ only in case or underscores are reported, as generated names"
                + " would clash",
            "SimilarStepIds",
            "Step id \"charge_card\" differs from \"chargeCard\", the id of chargeCard(), only in"
                + " letter case or underscores",
            "@Step(id = \"charge_card\")"),
        bad(
            "a step id repeated in @After is reported",
            "AfterDuplicate",
            "@After names step \"reserve\" twice; remove the repeated id",
            "@After({\"reserve\", \"reserve\"})"),
        bad(
            "a cycle is reported once, named, on its first edge",
            "Cycle",
            "Step cycle: reserve -> charge -> reserve; a workflow must be acyclic, so remove one of"
                + " these @After edges",
            "@After(\"reserve\")"),
        bad(
            "a @From of a step that is not upstream suggests the exact @After to write",
            "FromNotUpstream",
            "@From(\"charge\") reads step \"charge\", which is not upstream of step \"ship\"; @From"
                + " adds no edge, so add @After({\"reserve\", \"charge\"}) to ship()",
            "@From(\"charge\")"),
        bad(
            "a @From of a void step is reported",
            "FromVoidStep",
            "@From(\"notifyCustomer\") reads step \"notifyCustomer\", which returns void and has no"
                + " output",
            "@From(\"notifyCustomer\")"),
        bad(
            "a @From parameter whose type cannot hold the output is reported with the right type",
            "FromTypeMismatch",
            "@From(\"reserve\") parameter reservation has type java.lang.Integer, but step"
                + " \"reserve\" outputs java.lang.String; change the parameter type to"
                + " java.lang.String",
            "@From(\"reserve\") Integer reservation"),
        bad(
            "an unknown property in a path names the type, the property and the available ones",
            "PathUnknownProperty",
            "@From path \"address.citty\": type bad.PathUnknownProperty.Address has no property"
                + " \"citty\" (did you mean \"city\"?); available properties: city, street",
            "path = \"address.citty\""),
        bad(
            "indexing a value that is not a List is reported on the path",
            "PathNotAList",
            "@From path \"id[0]\": \"id\" has type java.lang.String, which is not a"
                + " java.util.List, so it cannot be indexed with [0]; remove the index",
            "path = \"id[0]\""),
        bad(
            "a malformed path is reported on the path",
            "PathMalformed",
            "@From path \"id..x\" is malformed at \"\"",
            "path = \"id..x\""),
        bad(
            "a primitive @From of a skippable step is told the boxed Optional to declare",
            "SkippablePrimitive",
            "@From(\"count\") parameter count must be Optional<java.lang.Integer>: step \"count\""
                + " can be skipped (it has when = \"always\") and then has no output; declare it"
                + " as Optional<java.lang.Integer>",
            "@From(\"count\") int count"),
        bad(
            "@Input parameters of different types are reported on the odd one",
            "InputTypesDiffer",
            "@Input parameter total has type java.lang.Integer, but the workflow's input type is"
                + " java.lang.String (the @Input of reserve())",
            "@Input Integer total"),
        bad(
            "a parameter with no source is reported on the parameter",
            "ParamNoKind",
            "Parameter order of reserve() is none of @Input, @From, @Resume or StepContext",
            "String order"),
        bad(
            "a parameter with two sources is reported on the parameter",
            "ParamTwoKinds",
            "Parameter order of reserve() has both @Input and @From",
            "@Input @From(\"reserve\") String order"),
        bad(
            "a condition that does not return boolean is reported",
            "ConditionNotBoolean",
            "@Condition isLarge() returns java.lang.String; a condition must return boolean",
            "String isLarge()"),
        bad(
            "a condition reading a step not upstream of one of its users is reported",
            "ConditionFromNotUpstream",
            "@Condition isLarge() reads @From(\"quote\"), but step \"quote\" is not upstream of"
                + " step \"skipApproval\", which uses this condition; add @After(\"quote\") to"
                + " skipApproval()",
            "@From(\"quote\") Integer total"),
        bad(
            "a @Resume parameter that is not Optional is reported",
            "ResumeNotOptional",
            "@Resume parameter decision has type java.lang.String; it must be Optional<T>",
            "@Resume String decision"),
        bad(
            "a second @Resume parameter is reported on it",
            "ResumeTwice",
            "Step approve() has two @Resume parameters (decision and comment)",
            "@Resume Optional<String> decision, @Resume Optional<String> comment"),
        bad(
            "a workflow with no steps is reported on the class",
            "NoSteps",
            "Workflow NoSteps has no @Step methods; add at least one @Step method",
            "@Workflow(name = \"empty\")"),
        bad(
            "an unknown result step is reported on the value, with a suggestion",
            "ResultUnknown",
            "@Workflow(result = \"approv\") names no step of this workflow; did you mean"
                + " \"approve\"?",
            "result = \"approv\""),
        bad(
            "a void result step is reported on the value",
            "ResultVoid",
            "@Workflow(result = \"notifyCustomer\") names a void step, which has no output",
            "result = \"notifyCustomer\""),
        bad(
            "an empty workflow name is reported on the value",
            "NameEmpty",
            "@Workflow(name) must not be empty",
            "@Workflow(name = \"\")"),
        bad(
            "a negative duration in a class @Retry is reported on the value",
            "RetryNegativeOnClass",
            "@Retry(delay = \"-5s\") is not a valid duration; write a non-negative integer and a"
                + " unit ms, s, m, h or d, like \"250ms\" or \"5s\"",
            "@Retry(delay = \"-5s\")"),
        bad(
            "@Step outside a @Workflow class is reported once, on @Step, not again on its @After"
                + " or parameters",
            "StepOutsideWorkflow",
            "@Step method orphan() is in StepOutsideWorkflow, which is not annotated with"
                + " @Workflow",
            "@Step"),
        bad(
            "@After on a method without @Step is reported on @After, not silently left out of"
                + " the graph",
            "AfterWithoutStep",
            "@After on charge() has no effect: charge() is not a @Step, so it is not in the"
                + " workflow's graph; add @Step to it or remove @After",
            "@After(\"reserve\")"),
        bad(
            "an override with an annotation of its own but no @Step replaces the inherited step,"
                + " so its @After is reported",
            "OverrideWithoutStep",
            "@After on charge() has no effect: charge() is not a @Step",
            "@After(\"reserve\")"),
        bad(
            "@Workflow on a local class, which processors are never shown, is reported on"
                + " @Workflow",
            "LocalWorkflow",
            "@Workflow class Local is declared inside method define(), where annotation"
                + " processors cannot see it and generated code could not refer to it; move it"
                + " out, to the top level or a static nested class",
            "@Workflow(name = \"local\")"),
        bad(
            "a class @Retry on a class that is not a @Workflow is reported on @Retry",
            "RetryWithoutWorkflow",
            "@Retry on RetryWithoutWorkflow has no effect: a class's @Retry is the default policy"
                + " of its steps only on a @Workflow class, and RetryWithoutWorkflow is not one",
            "@Retry(attempts = 2)"),
        bad(
            "a @Schedule on a class that is not a @Workflow is reported on @Schedule",
            "ScheduleWithoutWorkflow",
            "@Schedule on ScheduleWithoutWorkflow has no effect: a schedule starts the workflow it"
                + " is on, and ScheduleWithoutWorkflow is not a @Workflow class",
            "@Schedule(cron = \"0 3 * * *\")"),
        bad(
            "@Input on a parameter of a method that is not a step is reported on @Input",
            "ParamWithoutStep",
            "@Input on parameter text of describe() has no effect: only @Step and @Condition"
                + " methods receive their parameters from the engine, and describe() is neither;"
                + " add @Step to it or remove @Input",
            "describe(@Input String text)"),
        bad(
            "@Input on a constructor parameter is reported on @Input",
            "ParamOnConstructor",
            "@Input on parameter prefix of the constructor of ParamOnConstructor has no effect:"
                + " only @Step and @Condition methods receive their parameters from the engine,"
                + " and you construct the class yourself; remove @Input",
            "ParamOnConstructor(@Input String prefix)"),
        bad(
            "a step output of type Object is reported on the step, saying why",
            "TypeObjectOutput",
            "The output of step anything() has type java.lang.Object, which Stepwise cannot"
                + " validate or describe as JSON Schema: java.lang.Object says nothing about the"
                + " shape of its values; use a record, a class with getters or a value type",
            "Object anything()"),
        bad(
            "an input interface without getters is reported on the @Input parameter",
            "TypeInterfaceInput",
            "The input of workflow interface-input has type bad.TypeInterfaceInput.Command, which"
                + " Stepwise cannot validate or describe as JSON Schema:"
                + " bad.TypeInterfaceInput.Command has no record components and no public getters,"
                + " so it has no properties to describe; use a record or add getters",
            "@Input Command command"),
        bad(
            "a Map with non-String keys inside a resume payload is reported on the @Resume"
                + " parameter, naming the property",
            "TypeMapKey",
            "The resume payload of step rank() has type bad.TypeMapKey.Scores, which Stepwise"
                + " cannot validate or describe as JSON Schema: property byRank of"
                + " bad.TypeMapKey.Scores has type java.util.Map<java.lang.Integer,"
                + " java.lang.String>:"
                + " its keys are java.lang.Integer, but JSON object keys are strings; declare"
                + " Map<String, java.lang.String>",
            "@Resume Optional<Scores> scores"),
        bad(
            "a JDK class without a JSON form inside an output is reported, naming the property",
            "TypeJdkClass",
            "The output of step audit() has type bad.TypeJdkClass.Audit, which Stepwise cannot"
                + " validate or describe as JSON Schema: property when of bad.TypeJdkClass.Audit"
                + " has type java.util.Date: java.util.Date has no JSON form Stepwise knows; use a"
                + " record, String, a number, java.time, UUID, List, Set, Map<String, V> or"
                + " Optional",
            "Audit audit()"),
        bad(
            "a raw List input is reported on the @Input parameter",
            "TypeRawList",
            "The input of workflow raw-list has type java.util.List, which Stepwise cannot"
                + " validate or describe as JSON Schema: raw List has no element type; declare"
                + " List<T>",
            "@Input List items"));
  }

  /** Constraint problems are reported on the annotation, wherever the type is declared. */
  static Stream<Arguments> constraintCases() {
    return Stream.of(
        bad(
            "@Size on an int is reported on the constraint",
            "ConstraintNotApplicable",
            "@Size cannot be checked on quantity, which has type int: it applies to String,"
                + " collections and maps; remove it or change the type",
            "@Size(min = 1)"),
        bad(
            "an unsupported Jakarta constraint is reported, listing the supported ones",
            "ConstraintUnsupported",
            "@Digits is not supported by Stepwise's generated validators",
            "@Digits(integer = 5, fraction = 2)"),
        bad(
            "an invalid @Pattern regexp is reported at compile time, not at the first run",
            "ConstraintInvalidPattern",
            "@Pattern on value is invalid: regexp \"[A-Z\" is not a valid regular expression:"
                + " Unclosed character class",
            "@Pattern(regexp = \"[A-Z\")"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constraintCases")
  void reportsConstraintProblemsOnTheConstraint(String resource, String message, String spot) {
    JavaFileObject source = Compiler.source(resource);
    Compilation c = Compiler.compileWithConstraints(source);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining(message).inFile(source).onLineContaining(spot);
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
}

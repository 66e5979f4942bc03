package dev.stepwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Files with several problems report every one of them, each once, each on its own spot. */
class MultipleErrorsTest {

  @Test
  void threeIndependentProblems_areAllReported() {
    JavaFileObject src = Compiler.source("bad/ThreeProblems.java");
    Compilation c = Compiler.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(3);
    assertThat(c)
        .hadErrorContaining("@Step method reserve() must not be private")
        .inFile(src)
        .onLineContaining("private String reserve()");
    assertThat(c)
        .hadErrorContaining("@After refers to unknown step \"reserv\"; did you mean \"reserve\"?")
        .inFile(src)
        .onLineContaining("@After(\"reserv\")");
    assertThat(c)
        .hadErrorContaining("@Retry(jitter = 2.0) must be between 0 and 1")
        .inFile(src)
        .onLineContaining("@Retry(jitter = 2.0)");
  }

  @Test
  void validationProblems_eachReportedOnce_evenForATypeUsedByThreeBoundaries() {
    JavaFileObject src = Compiler.source("bad/ValidationProblems.java");
    Compilation c = Compiler.compileWithConstraints(src);
    assertThat(c).failed();
    // Line is the input and two outputs, but is described once: one error per constraint.
    assertThat(c).hadErrorCount(4);
    assertThat(c)
        .hadErrorContaining("@Size cannot be checked on quantity, which has type int")
        .inFile(src)
        .onLineContaining("record Line(");
    assertThat(c)
        .hadErrorContaining("@Past cannot be checked on when, which has type java.lang.String")
        .inFile(src)
        .onLineContaining("record Line(");
    assertThat(c)
        .hadErrorContaining("The output of step third() has type java.lang.Object")
        .inFile(src)
        .onLineContaining("Object third()");
    assertThat(c)
        .hadErrorContaining(
            "The output of step fourth() has type java.util.List<java.lang.Object>, which Stepwise"
                + " cannot validate or describe as JSON Schema: java.lang.Object says nothing")
        .inFile(src)
        .onLineContaining("List<Object> fourth()");
  }

  @Test
  void everyInvalidRetryAttribute_isReportedOnItsOwnValue() {
    JavaFileObject src = Compiler.source("bad/RetryInvalid.java");
    Compilation c = Compiler.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(5);
    assertThat(c)
        .hadErrorContaining("@Retry(attempts = 0) must be between 1 and 1000")
        .inFile(src)
        .onLineContaining("attempts = 0");
    assertThat(c)
        .hadErrorContaining("@Retry(delay = \"5 sec\") is not a valid duration")
        .inFile(src)
        .onLineContaining("delay = \"5 sec\"");
    assertThat(c)
        .hadErrorContaining("@Retry(backoff = 0.5) must be between 1 and 100.0")
        .inFile(src)
        .onLineContaining("backoff = 0.5");
    assertThat(c)
        .hadErrorContaining("@Retry(maxDelay = \"400d\") is longer than 365d, the longest allowed")
        .inFile(src)
        .onLineContaining("maxDelay = \"400d\"");
    assertThat(c)
        .hadErrorContaining("@Retry(jitter = 1.5) must be between 0 and 1")
        .inFile(src)
        .onLineContaining("jitter = 1.5");
  }

  @Test
  void twoCycles_areReportedOncePerCycle_onTheirFirstEdge() {
    JavaFileObject src = Compiler.source("bad/TwoCycles.java");
    Compilation c = Compiler.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(2);
    assertThat(c)
        .hadErrorContaining("Step cycle: a -> b -> c -> a;")
        .inFile(src)
        .onLineContaining("@After(\"a\")");
    assertThat(c)
        .hadErrorContaining("Step cycle: self -> self;")
        .inFile(src)
        .onLineContaining("@After(\"self\")");
  }

  @Test
  void fromOfSkippableSteps_mustBeOptional_whetherSkippedByConditionJoinAllOrJoinAny() {
    JavaFileObject src = Compiler.source("bad/SkippableNotOptional.java");
    Compilation c = Compiler.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(3);
    assertThat(c)
        .hadErrorContaining(
            "@From(\"approve\") parameter approval must be Optional<java.lang.String>: step"
                + " \"approve\" can be skipped (it has when = \"isLarge\") and then has no output")
        .inFile(src)
        .onLineContaining("@From(\"approve\") String approval");
    assertThat(c)
        .hadErrorContaining(
            "step \"audit\" can be skipped (its predecessor \"approve\" can be skipped)")
        .inFile(src)
        .onLineContaining("@From(\"audit\") String audited");
    assertThat(c)
        .hadErrorContaining(
            "step \"merge\" can be skipped (every predecessor of its join ANY can be skipped)")
        .inFile(src)
        .onLineContaining("@From(\"merge\") String merged");
  }

  @Test
  void pathTypeMismatches_throughFieldsGettersAndListIndexes_areReported() {
    JavaFileObject src = Compiler.source("bad/PathTypeMismatch.java");
    Compilation c = Compiler.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(
            "@From(value = \"load\", path = \"lines[1].sku\") parameter sku has type"
                + " java.lang.Integer, but the property at that path has type java.lang.String;"
                + " change the parameter type to java.lang.String")
        .inFile(src)
        .onLineContaining("Integer sku");
  }

  @Test
  void privateStaticAndGenericMethods_areEachReportedOnTheMethod() {
    JavaFileObject src = Compiler.source("bad/MethodModifiers.java");
    Compilation c = Compiler.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(4);
    assertThat(c)
        .hadErrorContaining("@Step method hidden() must not be private")
        .inFile(src)
        .onLineContaining("private String hidden()");
    assertThat(c)
        .hadErrorContaining("@Step method shared() must not be static")
        .inFile(src)
        .onLineContaining("static String shared()");
    assertThat(c)
        .hadErrorContaining("@Step method generic() must not declare type parameters")
        .inFile(src)
        .onLineContaining("<T> T generic()");
    assertThat(c)
        .hadErrorContaining("@Condition method isLarge() must not be private")
        .inFile(src)
        .onLineContaining("private boolean isLarge()");
  }

  @Test
  void privateInnerAndGenericWorkflowClasses_areEachReportedOnTheClass() {
    JavaFileObject src = Compiler.source("bad/ClassShapes.java");
    Compilation c = Compiler.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(3);
    assertThat(c)
        .hadErrorContaining("@Workflow class Hidden must not be private")
        .inFile(src)
        .onLineContaining("private static class Hidden");
    assertThat(c)
        .hadErrorContaining("@Workflow class Inner is an inner class")
        .inFile(src)
        .onLineContaining("class Inner");
    assertThat(c)
        .hadErrorContaining("@Workflow class Generic must not declare type parameters")
        .inFile(src)
        .onLineContaining("static class Generic<T>");
  }

  @Test
  void stepIdsThatCannotNameGeneratedMethods_areReported() {
    JavaFileObject src = Compiler.source("bad/StepIds.java");
    Compilation c = Compiler.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(3);
    assertThat(c)
        .hadErrorContaining(
            "Step id \"status\" clashes with the generated result's status() method")
        .inFile(src)
        .onLineContaining("String status()");
    assertThat(c)
        .hadErrorContaining("Step id \"send-email\" is not a Java identifier")
        .inFile(src)
        .onLineContaining("@Step(id = \"send-email\")");
    assertThat(c)
        .hadErrorContaining("Step id \"notify.team\" is not a Java identifier")
        .inFile(src)
        .onLineContaining("@Step(id = \"notify.team\")");
  }

  @Test
  void conditionsReadingStepContextOrResume_areReportedOnEachParameter() {
    JavaFileObject src = Compiler.source("bad/ConditionForbiddenParams.java");
    Compilation c = Compiler.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(2);
    assertThat(c)
        .hadErrorContaining("@Condition isLarge() may not take a StepContext")
        .inFile(src)
        .onLineContaining("StepContext ctx");
    assertThat(c)
        .hadErrorContaining("@Condition isLarge() may not take a @Resume parameter")
        .inFile(src)
        .onLineContaining("@Resume Optional<String> decision");
  }

  @Test
  void everyDslAnnotationWhereItHasNoEffect_isReportedOnThatAnnotation() throws IOException {
    JavaFileObject src = Compiler.source("bad/MisplacedAnnotations.java");
    Compilation c = Compiler.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(10);
    assertErrorOn(c, src, "@After on fetch() has no effect", "@After(\"search\")");
    assertErrorOn(c, src, "@Parallel on fetch() has no effect", "@Parallel(over = \"search\")");
    assertErrorOn(c, src, "@Retry on fetch() has no effect", "@Retry(attempts = 2)");
    assertErrorOn(c, src, "@Retry on isLarge() has no effect", "@Retry(attempts = 3)");
    assertErrorOn(c, src, "@Item on parameter page of fetch() has no effect", "@Item String page");
    assertErrorOn(
        c, src, "@From on parameter pages of helper() has no effect", "@From(\"search\") List");
    assertErrorOn(
        c, src, "@Resume on parameter decision of helper() has no effect", "@Resume Optional");
    assertErrorOn(
        c, src, "@Event on parameter by of waitFor() has no effect", "@Event(\"approved\")");
    assertErrorOn(
        c,
        src,
        "@Input on parameter prefix of the constructor of MisplacedAnnotations has no effect",
        "@Input String prefix");
    assertErrorOn(
        c,
        src,
        "@Retry on Helpers has no effect: a class's @Retry is the default policy of its steps"
            + " only on a @Workflow class",
        "@Retry(attempts = 4)");
  }

  @Test
  void inheritedStepsTheGeneratedCodeCannotCall_areReportedOnTheWorkflow() {
    JavaFileObject base = Compiler.source("bad/inherited/HiddenSteps.java");
    JavaFileObject workflow = Compiler.source("bad/inherited/HidingWorkflow.java");
    Compilation c = Compiler.compile(base, workflow);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(2);
    assertThat(c)
        .hadErrorContaining(
            "@Step method reserve() in superclass com.acme.shared.HiddenSteps is protected and in"
                + " another package, so the code generated for HidingWorkflow cannot call it; make"
                + " it public, or override it in HidingWorkflow")
        .inFile(workflow)
        .onLineContaining("@Workflow(name = \"hiding\")");
    assertThat(c)
        .hadErrorContaining(
            "@Condition method isLarge() in superclass com.acme.shared.HiddenSteps is"
                + " package-private and in another package, so the code generated for"
                + " HidingWorkflow cannot call it; make it public")
        .inFile(workflow)
        .onLineContaining("@Workflow(name = \"hiding\")");
  }

  @Test
  void aMistakeInAStepThatTwoWorkflowsInherit_isReportedOnce_onTheSuperclass() {
    JavaFileObject base = Compiler.source("bad/inherited/CommonSteps.java");
    Compilation c = Compiler.compile(base, Compiler.source("bad/inherited/TwoHeirs.java"));
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining("@From refers to unknown step \"lod\"; did you mean \"load\"?")
        .inFile(base)
        .onLineContaining("@From(\"lod\")");
  }

  @Test
  void workflowsDeclaredInsideAnyBody_areEachReportedOnTheirAnnotation() throws IOException {
    JavaFileObject src = Compiler.source("bad/HiddenWorkflows.java");
    Compilation c = Compiler.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(5);
    assertErrorOn(
        c,
        src,
        "@Workflow class InConstructor is declared inside a constructor of HiddenWorkflows,",
        "@dev.stepwise.Workflow(name = \"in-constructor\")");
    assertErrorOn(
        c,
        src,
        "@Workflow class InInitializer is declared inside an initializer block of"
            + " HiddenWorkflows,",
        "@Workflow(name = \"in-initializer\")");
    assertErrorOn(
        c,
        src,
        "@Workflow class InLambda is declared inside a lambda,",
        "@Workflow(name = \"in-lambda\")");
    assertErrorOn(
        c,
        src,
        "@Workflow class InAnonymous is declared inside an anonymous class,",
        "@Workflow(name = \"in-anonymous\")");
    // A static member of a local class is just as invisible as the local class.
    assertErrorOn(
        c,
        src,
        "@Workflow class InLocal is declared inside method nested(),",
        "@Workflow(name = \"in-local\")");
  }

  @Test
  void duplicateWorkflowNames_areReportedOnTheSecondName() {
    JavaFileObject first = Compiler.source("bad/NameDuplicateFirst.java");
    JavaFileObject second = Compiler.source("bad/NameDuplicateSecond.java");
    Compilation c = Compiler.compile(first, second);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(
            "Workflow name \"order\" is already used by bad.NameDuplicateFirst; workflow names"
                + " must be unique in an application")
        .inFile(second)
        .onLineContaining("@Workflow(name = \"order\")");
  }

  /**
   * Asserts that exactly one error contains {@code message} and that javac marks it where {@code
   * text} starts: on the annotation itself, which is what an IDE underlines, not on the declaration
   * it annotates (the line alone cannot tell a parameter's annotation from the parameter).
   */
  private static void assertErrorOn(Compilation c, JavaFileObject src, String message, String text)
      throws IOException {
    List<Diagnostic<? extends JavaFileObject>> matching =
        c.errors().stream().filter(d -> d.getMessage(Locale.ROOT).contains(message)).toList();
    assertEquals(1, matching.size(), () -> message + " in " + c.errors());
    String code = src.getCharContent(true).toString();
    int at = (int) matching.get(0).getPosition();
    assertTrue(
        code.startsWith(text, at),
        () -> message + " marks \"" + code.substring(at, Math.min(code.length(), at + 30)) + "\"");
  }
}

package dev.stepwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.truth.StringSubject;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.stepwise.processor.util.Names;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What gets generated, and for whom: names, isolation of bad workflows, unresolved types. */
class GenerationTest {

  @Test
  void workflowWithErrors_generatesNothing_whileAValidOneInTheSameCompilationGetsItsRunner(
      @TempDir Path out) throws IOException {
    // compile-testing hides generated files of a failed compilation, so compile to disk.
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean success =
        compileToDisk(out, diagnostics, "good/Valid.java", "bad/AfterUnknownStep.java");
    assertFalse(success);
    assertEquals(1, diagnostics.getDiagnostics().size(), diagnostics.getDiagnostics()::toString);
    assertTrue(Files.exists(out.resolve("com/acme/ValidRunner.java")));
    assertTrue(Files.exists(out.resolve("com/acme/ValidDefinition.java")));
    assertTrue(Files.exists(out.resolve("com/acme/ValidResult.java")));
    try (Stream<Path> files = Files.walk(out)) {
      assertTrue(
          files.noneMatch(p -> p.toString().contains("AfterUnknownStep")),
          "nothing generated for the invalid workflow");
    }
  }

  @Test
  void everyDslAnnotationWhereItTakesEffect_nextToPlainMethodsAndConstructor_compiles() {
    Compilation c = Compiler.compile("good/Placements.java");
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("good.PlacementsRunner");
  }

  @Test
  void stepsAndConditionsInheritedFromSuperclasses_areCalledOnTheWorkflow_withTypeArguments() {
    Compilation c =
        Compiler.compile(
            "good/inherited/SharedSteps.java",
            "good/inherited/OrderBase.java",
            "good/inherited/InheritingWorkflow.java");
    assertThat(c).succeededWithoutWarnings();
    StringSubject definition =
        assertThat(c)
            .generatedSourceFile("com.acme.InheritingWorkflowDefinition")
            .contentsAsUtf8String();
    // Public steps of a superclass in another package; T of SharedSteps<T> is Integer here.
    definition.contains("return workflow.load(invocation.input(String.class));");
    definition.contains("return workflow.audit(invocation.output(\"load\", Integer.class));");
    // Protected and package-private steps of a superclass in the workflow's own package.
    definition.contains("return workflow.reserve(invocation.output(\"load\", Integer.class));");
    definition.contains("return workflow.charge(invocation.output(\"reserve\", String.class));");
    // Inherited conditions, the static one through the workflow class.
    definition.contains("return workflow.isLong(invocation.input(String.class));");
    definition.contains("return InheritingWorkflow.never();");
    // notifyTeam() re-declared with @Step replaces the inherited declaration and its @After.
    definition.contains("new StepSpec(\"notifyTeam\", List.of(\"charge\")");
  }

  @Test
  void localAndAnonymousClassesWithoutStepwisesWorkflow_areNotReported() {
    Compilation c = Compiler.compile("good/LocalClasses.java");
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("good.LocalClasses_WithLocalClassesRunner");
  }

  @Test
  void generatedAnnotation_namesThisProcessorClass() {
    // The writers name the processor by a constant, so that they need not depend on the shell.
    assertEquals(WorkflowProcessor.class.getName(), Names.PROCESSOR);
  }

  @Test
  void twoWorkflowsOfOnePackage_shareTheValidatorOfTheirCommonInputType() {
    Compilation c = Compiler.compile("good/OrderModel.java", "good/SharedTypeWorkflows.java");
    assertThat(c).succeededWithoutWarnings();
    long validators =
        c.generatedSourceFiles().stream()
            .filter(f -> f.getName().endsWith("OrderModel_OrderRequestValidator.java"))
            .count();
    assertEquals(1, validators);
    assertThat(c)
        .generatedSourceFile("com.acme.SharedTypeWorkflows_FirstDefinition")
        .contentsAsUtf8String()
        .contains("OrderModel_OrderRequestValidator.INSTANCE");
    assertThat(c)
        .generatedSourceFile("com.acme.SharedTypeWorkflows_SecondDefinition")
        .contentsAsUtf8String()
        .contains("OrderModel_OrderRequestValidator.INSTANCE");
  }

  @Test
  void typesWithTheSameSimpleName_fromTwoPackages_getValidatorsWithDifferentNames() {
    Compilation c =
        Compiler.compile(
            "good/sameName/a/Item.java", "good/sameName/b/Item.java", "good/sameName/Items.java");
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("com.acme.names.ItemValidator");
    assertThat(c)
        .generatedSourceFile("com.acme.names.com_acme_names_b_ItemValidator")
        .contentsAsUtf8String()
        .contains("implements Validator<Item>");
  }

  @Test
  void nestedWorkflow_generatesClassesPrefixedWithTheOuterClass() {
    Compilation c = Compiler.compile("good/Outer.java");
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("com.acme.Outer_InnerRunner");
    assertThat(c).generatedSourceFile("com.acme.Outer_InnerDefinition");
    assertThat(c)
        .generatedSourceFile("com.acme.Outer_InnerResult")
        .contentsAsUtf8String()
        .contains("public Integer output()");
  }

  @Test
  void boxingWideningAndSupertypes_areAcceptedForFromParameters() {
    Compilation c = Compiler.compile("good/FromConversions.java");
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("com.acme.FromConversionsDefinition")
        .contentsAsUtf8String()
        .contains("workflow.show(invocation.output(\"total\", CharSequence.class),");
  }

  @Test
  void genericInputAndResume_primitiveArrayAndMapOutputs_compileWithoutWarnings() {
    Compilation c = Compiler.compile("good/GenericTypes.java");
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("com.acme.GenericTypesRunner")
        .contentsAsUtf8String()
        .contains("public void resumeReview(String runId, Map<String, Integer> payload)");
    assertThat(c)
        .generatedSourceFile("com.acme.GenericTypesDefinition")
        .contentsAsUtf8String()
        .contains("invocation.resumePayload(GenericTypesDefinition.REVIEW_RESUME)");
  }

  @Test
  void unresolvedTypes_areLeftToJavac_withoutAProcessorErrorOrCrash() {
    JavaFileObject src = Compiler.source("bad/MissingType.java");
    Compilation c = Compiler.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining("cannot find symbol")
        .inFile(src)
        .onLineContaining("DoesNotExist load()");
  }

  @Test
  void unresolvedConstantsInAnnotations_areLeftToJavac_notReportedAsUnknownSteps() {
    JavaFileObject src = Compiler.source("bad/MissingConstant.java");
    Compilation c = Compiler.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining("cannot find symbol")
        .inFile(src)
        .onLineContaining("@After(Missing.ID)");
  }

  @Test
  void graphVersion_isStableForTheSameGraph_andChangesWithAnEdge() throws IOException {
    String linear = version(twoSteps("@After(\"first\")"));
    assertEquals(linear, version(twoSteps("@After(\"first\")")));
    assertEquals(16, linear.length());
    assertTrue(linear.matches("[0-9a-f]{16}"), linear);
    assertNotEquals(linear, version(twoSteps("")));
  }

  private static String twoSteps(String after) {
    return "package com.acme;\n"
        + "import dev.stepwise.*;\n"
        + "@Workflow(name = \"two\")\n"
        + "class Two {\n"
        + "  @Step String first() { return \"a\"; }\n"
        + "  @Step "
        + after
        + " String second() { return \"b\"; }\n"
        + "}\n";
  }

  private static String version(String source) throws IOException {
    Compilation c = Compiler.compile(JavaFileObjects.forSourceString("com.acme.Two", source));
    assertThat(c).succeededWithoutWarnings();
    String code =
        c.generatedSourceFile("com.acme.TwoDefinition")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    Matcher m = Pattern.compile("\"two\",\\s*\"([^\"]*)\"").matcher(code);
    assertTrue(m.find(), code);
    return m.group(1);
  }

  private static boolean compileToDisk(
      Path out, DiagnosticCollector<JavaFileObject> diagnostics, String... resources)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
      List<JavaFileObject> sources = Stream.of(resources).map(Compiler::source).toList();
      List<String> options =
          List.of(
              "-Xlint:all",
              "-Werror",
              "-s",
              out.toString(),
              "-d",
              out.toString(),
              "-classpath",
              System.getProperty("java.class.path"));
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, sources);
      task.setProcessors(List.of(new WorkflowProcessor()));
      return task.call();
    }
  }
}

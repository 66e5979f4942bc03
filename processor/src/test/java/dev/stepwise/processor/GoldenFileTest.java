package dev.stepwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Compares generated code with the files under {@code expected/}.
 *
 * <p>To regenerate them after an intended change, run the tests with the environment variable
 * {@code STEPWISE_GOLDEN_ROOT} set to the test resources directory, e.g. {@code
 * STEPWISE_GOLDEN_ROOT=$PWD/processor/src/test/resources mvn -B -q -pl processor -am verify}: the
 * expected files are then rewritten instead of compared. Review the diff before committing.
 */
class GoldenFileTest {
  private static final String GOLDEN_ROOT = System.getenv("STEPWISE_GOLDEN_ROOT");

  @Test
  void orderWorkflow_generatesDefinitionRunnerAndResult_withoutWarnings() throws IOException {
    Compilation c = Compiler.compile("good/OrderModel.java", "good/OrderWorkflow.java");
    assertThat(c).succeededWithoutWarnings();
    assertGolden(c, "com.acme.OrderWorkflowDefinition");
    assertGolden(c, "com.acme.OrderWorkflowRunner");
    assertGolden(c, "com.acme.OrderWorkflowResult");
  }

  @Test
  void reviewWorkflow_withoutInput_joinAny_genericAndVoidSteps_generatesWithoutWarnings()
      throws IOException {
    Compilation c = Compiler.compile("good/ReviewWorkflow.java");
    assertThat(c).succeededWithoutWarnings();
    assertGolden(c, "com.acme.ReviewWorkflowDefinition");
    assertGolden(c, "com.acme.ReviewWorkflowRunner");
    assertGolden(c, "com.acme.ReviewWorkflowResult");
  }

  @Test
  void shopWorkflow_generatesValidatorsAndSchemas_withoutWarnings() throws IOException {
    Compilation c =
        Compiler.compileWithConstraints("good/ShopModel.java", "good/ShopWorkflow.java");
    assertThat(c).succeededWithoutWarnings();
    assertGolden(c, "com.acme.shop.ShopModel_OrderValidator");
    assertGolden(c, "com.acme.shop.ShopModel_LineValidator");
    assertGolden(c, "com.acme.shop.ShopModel_CategoryValidator");
    assertGolden(c, "com.acme.shop.ShopWorkflowDefinition");
    assertGoldenResource(
        c, "META-INF/stepwise/schemas/shop/input.json", "expected/shop-input.json");
  }

  @Test
  void flowControl_queuesKeysLimitsAndSchedules_generateWithoutWarnings() throws IOException {
    Compilation c =
        Compiler.compile(
            "good/FlowQueues.java", "good/FlowWorkflow.java", "good/NightlyReport.java");
    assertThat(c).succeededWithoutWarnings();
    assertGolden(c, "com.acme.flow.FlowWorkflowDefinition");
    assertGolden(c, "com.acme.flow.NightlyReportDefinition");
  }

  private static void assertGoldenResource(Compilation c, String path, String resource)
      throws IOException {
    JavaFileObject generated =
        c.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, path).orElseThrow();
    String actual = generated.getCharContent(true).toString();
    if (GOLDEN_ROOT != null) {
      Path target = Path.of(GOLDEN_ROOT, resource);
      Files.createDirectories(target.getParent());
      Files.writeString(target, actual, StandardCharsets.UTF_8);
      return;
    }
    try (var in = GoldenFileTest.class.getClassLoader().getResourceAsStream(resource)) {
      org.junit.jupiter.api.Assertions.assertEquals(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, resource);
    }
  }

  private static void assertGolden(Compilation c, String qualifiedName) throws IOException {
    String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    String resource = "expected/" + simpleName + ".java";
    if (GOLDEN_ROOT != null) {
      JavaFileObject generated = c.generatedSourceFile(qualifiedName).orElseThrow();
      Path target = Path.of(GOLDEN_ROOT, resource);
      Files.createDirectories(target.getParent());
      Files.writeString(target, generated.getCharContent(true), StandardCharsets.UTF_8);
      return;
    }
    assertThat(c)
        .generatedSourceFile(qualifiedName)
        .hasSourceEquivalentTo(JavaFileObjects.forResource(resource));
  }
}

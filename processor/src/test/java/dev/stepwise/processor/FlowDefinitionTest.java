package dev.stepwise.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stepwise.runtime.spi.FlowControl;
import dev.stepwise.runtime.spi.QueueSpec;
import dev.stepwise.runtime.spi.ScheduleSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the generated flow control: the definitions are compiled to disk, loaded next to the
 * runtime, and asked for their queues, limits, schedules and the concurrency key of real inputs.
 */
class FlowDefinitionTest {
  @TempDir static Path out;
  private static URLClassLoader loader;

  @BeforeAll
  static void compileAndLoad() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
      List<JavaFileObject> sources =
          Stream.of(
                  "good/FlowQueues.java",
                  "good/FlowWorkflow.java",
                  "good/NumberKeyWorkflow.java",
                  "good/NightlyReport.java")
              .map(Compiler::source)
              .toList();
      List<String> options =
          List.of(
              "-Xlint:all",
              "-Werror",
              "-d",
              out.toString(),
              "-s",
              out.toString(),
              "-classpath",
              System.getProperty("java.class.path"));
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, sources);
      task.setProcessors(List.of(new WorkflowProcessor()));
      assertTrue(task.call(), diagnostics.getDiagnostics()::toString);
    }
    // The runtime's SPI comes from the parent, so the loaded definitions implement our interface.
    loader =
        new URLClassLoader(
            new URL[] {out.toUri().toURL()}, FlowDefinitionTest.class.getClassLoader());
  }

  @Test
  void eachStepWaitsForItsOwnQueue_elseTheWorkflowsQueue() throws Exception {
    WorkflowDefinition flow = definition("FlowWorkflow");
    QueueSpec llm = new QueueSpec("llm", 8, 2, 1, 50, Duration.ofSeconds(1));
    assertEquals(llm, flow.graph().step("summarize").orElseThrow().options().queue());
    assertEquals(
        QueueSpec.concurrency("mail", 4),
        flow.graph().step("mail").orElseThrow().options().queue());
    assertEquals(List.of(llm, QueueSpec.concurrency("mail", 4)), flow.queues());
  }

  @Test
  void flowControl_declaresTheKeyPathAndTheRunLimits() throws Exception {
    assertEquals(new FlowControl("customer.id", 100, 1), definition("FlowWorkflow").flowControl());
    assertEquals(new FlowControl(null, 1, 0), definition("NightlyReport").flowControl());
  }

  @Test
  void concurrencyKey_readsTheStringAlongThePath_andNullWhereThePathIsNull() throws Exception {
    WorkflowDefinition flow = definition("FlowWorkflow");
    Object customer = construct("FlowWorkflow$Customer", "c-42", 7L, BigDecimal.TEN);
    assertEquals("c-42", flow.concurrencyKey(construct("FlowWorkflow$Request", customer, "hi")));
    assertNull(flow.concurrencyKey(construct("FlowWorkflow$Request", null, "hi")));
    assertNull(flow.concurrencyKey(null));
  }

  @Test
  void concurrencyKey_ofANumber_isItsDecimalText_andAnEmptyListReadsAsNull() throws Exception {
    WorkflowDefinition numbers = definition("NumberKeyWorkflow");
    Object customer = construct("FlowWorkflow$Customer", "c-42", 7L, BigDecimal.TEN);
    assertEquals(
        "7", numbers.concurrencyKey(construct("NumberKeyWorkflow$Batch", List.of(customer))));
    assertNull(numbers.concurrencyKey(construct("NumberKeyWorkflow$Batch", List.of())));
    assertNull(numbers.concurrencyKey(construct("NumberKeyWorkflow$Batch", (Object) null)));
  }

  @Test
  void schedules_areDeclared_theUnnamedOneUnderTheWorkflowsName() throws Exception {
    assertEquals(
        List.of(
            new ScheduleSpec(
                "nightly-report", "0 3 * * *", "Europe/Paris", true, 3, Duration.ofMinutes(1)),
            new ScheduleSpec(
                "nightly-report-noon",
                "0 0 12 * * MON-FRI",
                "UTC",
                false,
                10,
                Duration.ofMinutes(5))),
        definition("NightlyReport").schedules());
    assertEquals(List.of(), definition("FlowWorkflow").schedules());
    assertNull(definition("NightlyReport").concurrencyKey(java.time.Instant.EPOCH));
  }

  @Test
  void retention_isDeclaredWhereGiven_elseTheEnginesDefault() throws Exception {
    assertEquals(Optional.of(Duration.ofDays(30)), definition("NightlyReport").retention());
    assertEquals(Optional.empty(), definition("FlowWorkflow").retention());
  }

  private static WorkflowDefinition definition(String workflow) throws Exception {
    Class<?> type = loader.loadClass("com.acme.flow." + workflow);
    Class<?> definition = loader.loadClass("com.acme.flow." + workflow + "Definition");
    return (WorkflowDefinition)
        definition.getConstructor(type).newInstance(type.getConstructor().newInstance());
  }

  private static Object construct(String type, Object... args) throws Exception {
    Constructor<?> constructor = loader.loadClass("com.acme.flow." + type).getConstructors()[0];
    return constructor.newInstance(args);
  }
}

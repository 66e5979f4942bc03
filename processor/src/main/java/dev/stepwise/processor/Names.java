package dev.stepwise.processor;

import com.palantir.javapoet.ClassName;

/**
 * Names of the DSL annotations and of the runtime types generated code refers to, as strings: the
 * processor depends on neither at run time.
 */
final class Names {
  /**
   * The DSL's package. Names are strings, not {@code Workflow.class}, so the processor runs even
   * when only its own jar is on the processor path.
   */
  static final String DSL = "dev.stepwise";

  static final String WORKFLOW = DSL + ".Workflow";
  static final String STEP = DSL + ".Step";
  static final String AFTER = DSL + ".After";
  static final String INPUT = DSL + ".Input";
  static final String FROM = DSL + ".From";
  static final String RESUME = DSL + ".Resume";
  static final String RETRY = DSL + ".Retry";
  static final String CONDITION = DSL + ".Condition";
  static final String PARALLEL = DSL + ".Parallel";
  static final String ITEM = DSL + ".Item";
  static final String EVENT = DSL + ".Event";

  static final String RUNTIME = "dev.stepwise.runtime";
  static final String SPI = "dev.stepwise.runtime.spi";
  static final String SPI_VALIDATION = SPI + ".validation";
  static final String STEP_CONTEXT_NAME = RUNTIME + ".StepContext";
  static final String DSL_CONTEXT_NAME = "org.jooq.DSLContext";

  static final ClassName STEPWISE = ClassName.get(RUNTIME, "Stepwise");
  static final ClassName STEP_CONTEXT = ClassName.get(RUNTIME, "StepContext");
  static final ClassName RUN_STATUS = ClassName.get(RUNTIME, "RunStatus");
  static final ClassName RUN_HANDLE = ClassName.get(RUNTIME, "RunHandle");
  static final ClassName RUN_LISTENER = ClassName.get(RUNTIME, "RunListener");
  static final ClassName WATCH = ClassName.get(RUNTIME, "Watch");
  static final ClassName START_OPTIONS = ClassName.get(RUNTIME, "StartOptions");
  static final ClassName STATUS = ClassName.get(RUNTIME, "Status");
  static final ClassName STEP_RESULT = ClassName.get(RUNTIME, "StepResult");
  static final ClassName STEP_ERROR = ClassName.get(RUNTIME, "StepError");
  static final ClassName WORKFLOW_DEFINITION = ClassName.get(SPI, "WorkflowDefinition");
  static final ClassName WORKFLOW_GRAPH = ClassName.get(SPI, "WorkflowGraph");
  static final ClassName WORKFLOW_CLIENT = ClassName.get(SPI, "WorkflowClient");
  static final ClassName STEP_SPEC = ClassName.get(SPI, "StepSpec");
  static final ClassName RETRY_POLICY = ClassName.get(SPI, "RetryPolicy");
  static final ClassName STEP_INVOCATION = ClassName.get(SPI, "StepInvocation");
  static final ClassName PATH_VALUES = ClassName.get(SPI, "PathValues");
  static final ClassName VALIDATOR = ClassName.get(SPI_VALIDATION, "Validator");
  static final ClassName VALIDATORS = ClassName.get(SPI_VALIDATION, "Validators");
  static final ClassName VIOLATIONS = ClassName.get(SPI_VALIDATION, "Violations");
  static final ClassName CHECKS = ClassName.get(SPI_VALIDATION, "Checks");
  static final ClassName CONTRACT = ClassName.get(SPI_VALIDATION, "Contract");
  static final ClassName BOUNDARY = ClassName.get(SPI_VALIDATION, "Boundary");
  static final ClassName TYPE_REFERENCE =
      ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");
  static final ClassName JOIN = ClassName.get(DSL, "Join");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private Names() {}
}

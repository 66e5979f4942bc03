package dev.stepwise.processor.util;

import com.palantir.javapoet.ClassName;

/**
 * Names of the DSL annotations and of the runtime types generated code refers to, as strings: the
 * processor depends on neither at run time.
 */
public final class Names {
  /**
   * The DSL's package. Names are strings, not {@code Workflow.class}, so the processor runs even
   * when only its own jar is on the processor path.
   */
  public static final String DSL = "dev.stepwise";

  public static final String WORKFLOW = DSL + ".Workflow";
  public static final String STEP = DSL + ".Step";
  public static final String AFTER = DSL + ".After";
  public static final String INPUT = DSL + ".Input";
  public static final String FROM = DSL + ".From";
  public static final String RESUME = DSL + ".Resume";
  public static final String RETRY = DSL + ".Retry";
  public static final String CONDITION = DSL + ".Condition";
  public static final String PARALLEL = DSL + ".Parallel";
  public static final String ITEM = DSL + ".Item";
  public static final String EVENT = DSL + ".Event";
  public static final String PREVIOUS = DSL + ".Previous";
  public static final String QUEUE = DSL + ".Queue";
  public static final String SCHEDULE = DSL + ".Schedule";
  public static final String SCHEDULES = DSL + ".Schedules";

  public static final String RUNTIME = "dev.stepwise.runtime";
  public static final String SPI = "dev.stepwise.runtime.spi";
  public static final String SPI_VALIDATION = SPI + ".validation";
  public static final String STEP_CONTEXT_NAME = RUNTIME + ".StepContext";
  public static final String DSL_CONTEXT_NAME = "org.jooq.DSLContext";

  public static final ClassName STEPWISE = ClassName.get(RUNTIME, "Stepwise");
  public static final ClassName STEP_CONTEXT = ClassName.get(RUNTIME, "StepContext");
  public static final ClassName RUN_STATUS = ClassName.get(RUNTIME, "RunStatus");
  public static final ClassName RUN_HANDLE = ClassName.get(RUNTIME, "RunHandle");
  public static final ClassName RUN_LISTENER = ClassName.get(RUNTIME, "RunListener");
  public static final ClassName WATCH = ClassName.get(RUNTIME, "Watch");
  public static final ClassName RUN_QUERY = ClassName.get(RUNTIME, "RunQuery");
  public static final ClassName FORK_OPTIONS = ClassName.get(RUNTIME, "ForkOptions");
  public static final ClassName RUN_PAGE = ClassName.get(RUNTIME, "RunPage");
  public static final ClassName ATTEMPT_ERROR = ClassName.get(RUNTIME, "AttemptError");
  public static final ClassName START_OPTIONS = ClassName.get(RUNTIME, "StartOptions");
  public static final ClassName STATUS = ClassName.get(RUNTIME, "Status");
  public static final ClassName STEP_RESULT = ClassName.get(RUNTIME, "StepResult");
  public static final ClassName STEP_ERROR = ClassName.get(RUNTIME, "StepError");
  public static final ClassName WORKFLOW_DEFINITION = ClassName.get(SPI, "WorkflowDefinition");
  public static final ClassName WORKFLOW_GRAPH = ClassName.get(SPI, "WorkflowGraph");
  public static final ClassName WORKFLOW_CLIENT = ClassName.get(SPI, "WorkflowClient");
  public static final ClassName STEP_SPEC = ClassName.get(SPI, "StepSpec");
  public static final ClassName STEP_FINGERPRINT = ClassName.get(SPI, "StepFingerprint");
  public static final ClassName RETRY_POLICY = ClassName.get(SPI, "RetryPolicy");
  public static final ClassName STEP_INVOCATION = ClassName.get(SPI, "StepInvocation");
  public static final ClassName PATH_VALUES = ClassName.get(SPI, "PathValues");
  public static final ClassName QUEUE_SPEC = ClassName.get(SPI, "QueueSpec");
  public static final ClassName FLOW_CONTROL = ClassName.get(SPI, "FlowControl");
  public static final ClassName SCHEDULE_SPEC = ClassName.get(SPI, "ScheduleSpec");
  public static final ClassName VALIDATOR = ClassName.get(SPI_VALIDATION, "Validator");
  public static final ClassName VALIDATORS = ClassName.get(SPI_VALIDATION, "Validators");
  public static final ClassName VIOLATIONS = ClassName.get(SPI_VALIDATION, "Violations");
  public static final ClassName CHECKS = ClassName.get(SPI_VALIDATION, "Checks");
  public static final ClassName CONTRACT = ClassName.get(SPI_VALIDATION, "Contract");
  public static final ClassName BOUNDARY = ClassName.get(SPI_VALIDATION, "Boundary");
  public static final ClassName TYPE_REFERENCE =
      ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");
  public static final ClassName JOIN = ClassName.get(DSL, "Join");
  public static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  /**
   * The processor class, as {@code @Generated} names it. A string, so the writers need not depend
   * on the shell; a test keeps it equal to the class's name.
   */
  public static final String PROCESSOR = "dev.stepwise.processor.WorkflowProcessor";

  private Names() {}
}

package dev.stepwise.processor;

import com.palantir.javapoet.ClassName;
import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Resume;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

/**
 * Names of the DSL annotations and of the runtime types generated code refers to. The runtime is
 * not on the processor's classpath, so its types are named as strings.
 */
final class Names {
  static final String WORKFLOW = Workflow.class.getCanonicalName();
  static final String STEP = Step.class.getCanonicalName();
  static final String AFTER = After.class.getCanonicalName();
  static final String INPUT = Input.class.getCanonicalName();
  static final String FROM = From.class.getCanonicalName();
  static final String RESUME = Resume.class.getCanonicalName();
  static final String RETRY = Retry.class.getCanonicalName();
  static final String CONDITION = Condition.class.getCanonicalName();

  static final String RUNTIME = "dev.stepwise.runtime";
  static final String SPI = "dev.stepwise.runtime.spi";
  static final String STEP_CONTEXT_NAME = RUNTIME + ".StepContext";

  static final ClassName STEPWISE = ClassName.get(RUNTIME, "Stepwise");
  static final ClassName STEP_CONTEXT = ClassName.get(RUNTIME, "StepContext");
  static final ClassName RUN_STATUS = ClassName.get(RUNTIME, "RunStatus");
  static final ClassName RUN_HANDLE = ClassName.get(RUNTIME, "RunHandle");
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
  static final ClassName TYPE_REFERENCE =
      ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");
  static final ClassName JOIN = ClassName.get("dev.stepwise", "Join");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private Names() {}
}

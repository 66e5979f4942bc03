package dev.stepwise.processor.parse;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.ConditionModel;
import dev.stepwise.processor.model.FlowModel;
import dev.stepwise.processor.model.Ref;
import dev.stepwise.processor.model.RetryModel;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.WorkflowModel;
import dev.stepwise.processor.util.Mirrors;
import dev.stepwise.processor.util.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.Types;

/**
 * Turns one {@code @Workflow} class into a {@link WorkflowModel}, checking the class and each
 * method. The graph rules run afterwards, over the model, in {@code GraphValidator}.
 */
public final class WorkflowParser {
  private final Diagnostics diag;
  private final Mirrors mirrors;
  private final MethodParser methods;
  private final RetryParser retries;
  private final StepMethods stepMethods;
  private final FlowParser flows;
  private final Types types;

  /** {@code queues} is shared with the shell, which checks every {@code @Queue} of a round. */
  public WorkflowParser(Diagnostics diag, Mirrors mirrors, Types types, QueueParser queues) {
    this.diag = diag;
    this.mirrors = mirrors;
    this.types = types;
    this.methods = new MethodParser(diag, mirrors, types, queues);
    this.flows = new FlowParser(diag, mirrors, queues);
    this.retries = new RetryParser(diag, mirrors);
    this.stepMethods = new StepMethods(diag, mirrors.elements());
  }

  /**
   * The model of the class, also when errors were reported: steps with invalid parts stay in it, so
   * the graph rules still run over the whole workflow and one compile shows every problem. The
   * caller writes nothing for a workflow with errors.
   */
  public WorkflowModel parse(TypeElement type, AnnotationMirror workflow) {
    checkClass(type);
    String name = mirrors.string(workflow, "name");
    if (name.isBlank()) {
      diag.error(
          type, workflow, Mirrors.explicitValue(workflow, "name"), Messages.WORKFLOW_NAME_EMPTY);
    }
    Optional<RetryModel> classRetry =
        Mirrors.find(type, Names.RETRY).flatMap(r -> retries.parse(type, r));
    List<StepModel> steps = new ArrayList<>();
    List<ConditionModel> conditions = new ArrayList<>();
    DeclaredType owner = (DeclaredType) type.asType();
    for (ExecutableElement method : stepMethods.of(type, workflow)) {
      // As a member of the workflow: a generic superclass's T is the workflow's type argument.
      ExecutableType signature = (ExecutableType) types.asMemberOf(owner, method);
      Mirrors.find(method, Names.STEP)
          .map(s -> methods.step(method, signature, s, classRetry))
          .ifPresent(steps::add);
      Mirrors.find(method, Names.CONDITION)
          .map(c -> methods.condition(method, signature, c))
          .ifPresent(conditions::add);
    }
    if (steps.isEmpty()) {
      diag.error(type, workflow, null, Messages.WORKFLOW_NO_STEPS, type.getSimpleName());
    }
    checkDuplicateSteps(steps);
    checkDuplicateConditions(conditions);
    String result = mirrors.string(workflow, "result");
    Ref resultRef =
        result.isEmpty() ? null : new Ref(result, Mirrors.explicitValue(workflow, "result"));
    FlowModel flow = flows.parse(type, workflow, name);
    return new WorkflowModel(type, workflow, name, resultRef, steps, conditions, flow);
  }

  /** The class declaration itself is what needs fixing, so errors go on the class. */
  private void checkClass(TypeElement type) {
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      diag.error(type, Messages.WORKFLOW_PRIVATE, type.getSimpleName());
    }
    // Local classes never get here: javac shows processors no element of them, so
    // LocalWorkflowScanner reports them from the source trees.
    boolean inner =
        type.getNestingKind() == NestingKind.MEMBER
            && !type.getModifiers().contains(Modifier.STATIC)
            && type.getEnclosingElement().getKind().isClass();
    if (inner) {
      diag.error(type, Messages.WORKFLOW_INNER, type.getSimpleName());
    }
    if (!type.getTypeParameters().isEmpty()) {
      diag.error(type, Messages.WORKFLOW_GENERIC, type.getSimpleName());
    }
  }

  private void checkDuplicateSteps(List<StepModel> steps) {
    Map<String, StepModel> seen = new HashMap<>();
    Map<String, StepModel> similar = new HashMap<>();
    for (StepModel step : steps) {
      StepModel first = seen.putIfAbsent(step.stepId(), step);
      // CHARGE_CARD_OUTPUT and resumeChargeCard come from both chargeCard and charge_card.
      String key = step.stepId().replace("_", "").toLowerCase(Locale.ROOT);
      StepModel lookalike = similar.putIfAbsent(key, step);
      if (first == null && lookalike != null) {
        diag.error(
            step.method(),
            step.id().value() == null ? null : step.mirror(),
            step.id().value(),
            Messages.STEP_ID_SIMILAR,
            step.stepId(),
            lookalike.stepId(),
            lookalike.method().getSimpleName());
      }
      if (first != null) {
        diag.error(
            step.method(),
            step.id().value() == null ? null : step.mirror(),
            step.id().value(),
            Messages.STEP_ID_DUPLICATE,
            step.stepId(),
            first.method().getSimpleName());
      }
    }
  }

  private void checkDuplicateConditions(List<ConditionModel> conditions) {
    Map<String, ConditionModel> seen = new HashMap<>();
    for (ConditionModel condition : conditions) {
      if (seen.putIfAbsent(condition.name(), condition) != null) {
        // On the method: its name is what has to change.
        diag.error(condition.method(), Messages.CONDITION_DUPLICATE, condition.name());
      }
    }
  }
}

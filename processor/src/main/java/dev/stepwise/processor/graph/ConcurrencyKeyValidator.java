package dev.stepwise.processor.graph;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.Ref;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.WorkflowModel;
import dev.stepwise.processor.shape.PathResolver;
import dev.stepwise.processor.shape.ScalarKind;
import java.util.Optional;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * {@code @Workflow(concurrencyKey)} resolves on the workflow's input type, through the same
 * accessors as a {@code @From} path, to a string or a number: the generated {@code
 * concurrencyKey(input)} reads it without reflection.
 */
final class ConcurrencyKeyValidator implements GraphRule {
  private final Elements elements;
  private final PathResolver paths;

  ConcurrencyKeyValidator(Types types, Elements elements) {
    this.elements = elements;
    this.paths = new PathResolver(elements, types);
  }

  @Override
  public void validate(WorkflowModel workflow, StepGraph graph, Diagnostics diag) {
    Ref key = workflow.flow().concurrencyKey();
    if (key == null) {
      return;
    }
    Optional<ParamModel> input = workflow.input();
    if (input.isEmpty()) {
      diag.error(
          workflow.type(),
          workflow.mirror(),
          key.value(),
          Messages.KEY_WITHOUT_INPUT,
          key.name(),
          workflow.type().getSimpleName());
      return;
    }
    TypeMirror root = input.get().type();
    if (root.getKind() == TypeKind.ERROR) {
      return; // javac reports the unresolved type
    }
    PathResolver.Resolution resolution =
        paths.resolve(root, key.name(), elements.getPackageOf(workflow.type()));
    if (resolution.failed()) {
      diag.error(
          workflow.type(),
          workflow.mirror(),
          key.value(),
          keyMessage(resolution.error()),
          resolution.args());
      return;
    }
    TypeMirror type = resolution.type();
    boolean keyable =
        ScalarKind.of(type).filter(k -> k == ScalarKind.STRING || k.numeric()).isPresent();
    if (!keyable && type.getKind() != TypeKind.ERROR) {
      diag.error(
          workflow.type(), workflow.mirror(), key.value(), Messages.KEY_TYPE, key.name(), type);
    }
  }

  /** The resolver speaks of @From paths; the same failures, worded for the concurrency key. */
  private static Messages keyMessage(Messages pathError) {
    return switch (pathError) {
      case PATH_MALFORMED -> Messages.KEY_PATH_MALFORMED;
      case PATH_UNKNOWN_PROPERTY -> Messages.KEY_PATH_UNKNOWN_PROPERTY;
      case PATH_NOT_A_LIST -> Messages.KEY_PATH_NOT_A_LIST;
      default -> pathError;
    };
  }
}

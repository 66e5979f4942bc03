package dev.stepwise.processor.graph;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.WorkflowModel;
import dev.stepwise.processor.shape.BoundaryModel;
import dev.stepwise.processor.shape.TypeDescriber;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;

/**
 * Every type crossing a boundary (input, outputs, resume payloads) can be validated and described
 * as JSON Schema; an undescribable type is reported on the step or parameter that uses it, saying
 * why, and a misplaced constraint on the constraint.
 */
final class SchemaValidator implements GraphRule {
  private final ProcessingEnvironment env;

  SchemaValidator(ProcessingEnvironment env) {
    this.env = env;
  }

  @Override
  public void validate(WorkflowModel workflow, StepGraph graph, Diagnostics diag) {
    PackageElement pkg = env.getElementUtils().getPackageOf(workflow.type());
    TypeDescriber describer =
        new TypeDescriber(env.getElementUtils(), env.getTypeUtils(), diag, pkg);
    for (BoundaryModel boundary : BoundaryModel.of(workflow)) {
      Element method =
          boundary.site() instanceof ExecutableElement
              ? boundary.site()
              : boundary.site().getEnclosingElement();
      if (method instanceof ExecutableElement m && !m.getTypeParameters().isEmpty()) {
        continue; // a generic step method is an error already; its T has no shape to report
      }
      TypeDescriber.Result result = describer.describe(boundary.type());
      if (result.failure() != null) {
        diag.error(
            boundary.site(),
            boundary.siteMirror(),
            null,
            Messages.TYPE_UNSUPPORTED,
            boundary.description(),
            TypeDescriber.display(boundary.type()),
            result.failure());
      }
    }
  }
}

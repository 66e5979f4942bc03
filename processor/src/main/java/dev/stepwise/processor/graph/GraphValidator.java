package dev.stepwise.processor.graph;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.WorkflowModel;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;

/** Runs every graph rule over a parsed workflow, in a fixed order, reporting through one sink. */
public final class GraphValidator {
  private final Diagnostics diag;
  private final List<GraphRule> rules;

  public GraphValidator(ProcessingEnvironment env, Diagnostics diag) {
    this.diag = diag;
    // Fixed order keeps the order of the errors, and so the compiler output, deterministic.
    this.rules =
        List.of(
            new ReferenceValidator(),
            new CycleValidator(),
            new UpstreamValidator(),
            new FromTypeValidator(env.getTypeUtils(), env.getElementUtils()),
            new SkippableSourceValidator(),
            new InputTypeValidator(env.getTypeUtils()),
            new ParallelValidator(env.getTypeUtils()),
            new LoopValidator(),
            new PreviousValidator(env.getTypeUtils(), env.getElementUtils()),
            new EventValidator(env.getTypeUtils()),
            new ConcurrencyKeyValidator(env.getTypeUtils(), env.getElementUtils()),
            new QueuePerKeyValidator(),
            new ScheduleInputValidator(),
            new SchemaValidator(env));
  }

  /** Checks the whole graph; each rule reports its own violations and none stops the others. */
  public void validate(WorkflowModel workflow) {
    StepGraph graph = new StepGraph(workflow);
    for (GraphRule rule : rules) {
      rule.validate(workflow, graph, diag);
    }
  }
}

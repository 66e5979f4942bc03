package com.acme;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stepwise.Join;
import dev.stepwise.runtime.spi.PathValues;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepFingerprint;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Boundary;
import dev.stepwise.runtime.spi.validation.Contract;
import dev.stepwise.runtime.spi.validation.Validators;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * The graph and dispatch of workflow {@code review} (ReviewWorkflow); registered by {@link ReviewWorkflowRunner}.
 */
@Generated("dev.stepwise.processor.WorkflowProcessor")
final class ReviewWorkflowDefinition implements WorkflowDefinition {
  static final TypeReference<List<String>> FETCH_OUTPUT = new TypeReference<List<String>>() {
  };

  static final String MERMAID = "flowchart TD\n"
      + "  fetch[\"fetch\"]\n"
      + "  batch[\"batch\"]\n"
      + "  bulk[\"bulk<br/>when hasMany\"]\n"
      + "  single[\"single<br/>unless hasMany\"]\n"
      + "  merge[\"merge\"]\n"
      + "  publish[\"publish\"]\n"
      + "  fetch --> batch\n"
      + "  batch --> bulk\n"
      + "  batch --> single\n"
      + "  bulk -.-> merge\n"
      + "  single -.-> merge\n"
      + "  merge --> publish\n";

  static final WorkflowGraph GRAPH = new WorkflowGraph(
      "review",
      "bc89c3938ab12ad6",
      List.of(
          new StepSpec("fetch", List.of(), Join.ALL, RetryPolicy.NONE, null, null, false),
          new StepSpec("batch", List.of("fetch"), Join.ALL, RetryPolicy.NONE, null, null, false),
          new StepSpec("bulk", List.of("batch"), Join.ALL, RetryPolicy.NONE, "hasMany", null, false),
          new StepSpec("single", List.of("batch"), Join.ALL, RetryPolicy.NONE, null, "hasMany", false),
          new StepSpec("merge", List.of("bulk", "single"), Join.ANY, RetryPolicy.NONE, null, null, false),
          new StepSpec("publish", List.of("merge"), Join.ALL, RetryPolicy.NONE, null, null, false)),
      "merge",
      MERMAID,
      Map.ofEntries(
          Map.entry("fetch", new StepFingerprint("2a3d2e71", "e3b0c442", "774bc628", "5bc964e3", "140bedbf", "e3b0c442")),
          Map.entry("batch", new StepFingerprint("78b8b6d1", "48cf5448", "e43420e5", "5bc964e3", "140bedbf", "e3b0c442")),
          Map.entry("bulk", new StepFingerprint("73cc7ce3", "e46d37f3", "0ae63375", "06d12e05", "140bedbf", "e3b0c442")),
          Map.entry("single", new StepFingerprint("73cc7ce3", "48cf5448", "0ae63375", "31fca3da", "140bedbf", "e3b0c442")),
          Map.entry("merge", new StepFingerprint("aad56173", "7b28fecd", "5d07658f", "5bc964e3", "140bedbf", "e3b0c442")),
          Map.entry("publish", new StepFingerprint("445be54d", "fd6fe925", "f3c6d357", "5bc964e3", "140bedbf", "e3b0c442"))));

  static final List<Contract<?>> CONTRACTS = List.of(
      new Contract<List<String>>(
          Boundary.output("fetch"),
          FETCH_OUTPUT.getType(),
          Validators.none(),
          ReviewWorkflowSchemas.OUTPUT_FETCH),
      new Contract<ReviewWorkflow.Batch>(
          Boundary.output("batch"),
          ReviewWorkflow.Batch.class,
          ReviewWorkflow_BatchValidator.INSTANCE,
          ReviewWorkflowSchemas.OUTPUT_BATCH),
      new Contract<String>(
          Boundary.output("bulk"),
          String.class,
          Validators.none(),
          ReviewWorkflowSchemas.OUTPUT_BULK),
      new Contract<String>(
          Boundary.output("single"),
          String.class,
          Validators.none(),
          ReviewWorkflowSchemas.OUTPUT_SINGLE),
      new Contract<ReviewWorkflow.Summary>(
          Boundary.output("merge"),
          ReviewWorkflow.Summary.class,
          ReviewWorkflow_SummaryValidator.INSTANCE,
          ReviewWorkflowSchemas.OUTPUT_MERGE));

  private final ReviewWorkflow workflow;

  ReviewWorkflowDefinition(ReviewWorkflow workflow) {
    this.workflow = Objects.requireNonNull(workflow, "workflow");
  }

  @Override
  public WorkflowGraph graph() {
    return GRAPH;
  }

  @Override
  public List<Contract<?>> contracts() {
    return CONTRACTS;
  }

  @Override
  public Object invokeStep(String stepId, StepInvocation invocation) throws Exception {
    switch (stepId) {
      case "fetch":
        return workflow.fetch();
      case "batch":
        return workflow.batch(invocation.output("fetch", ReviewWorkflowDefinition.FETCH_OUTPUT));
      case "bulk":
        return workflow.bulk(readBulkFirstSku(invocation.output("batch", ReviewWorkflow.Batch.class)));
      case "single":
        return workflow.single(invocation.output("fetch", ReviewWorkflowDefinition.FETCH_OUTPUT));
      case "merge":
        return workflow.merge(Optional.ofNullable(invocation.output("bulk", String.class)),
            Optional.ofNullable(invocation.output("single", String.class)));
      case "publish":
        workflow.publish(Optional.ofNullable(invocation.output("merge", ReviewWorkflow.Summary.class)).map(ReviewWorkflowDefinition::readPublishText));
        return null;
      default:
        throw new IllegalArgumentException("Unknown step \"" + stepId + "\" in workflow \"review\"");
    }
  }

  @Override
  public boolean evaluateCondition(String conditionName, StepInvocation invocation) throws
      Exception {
    switch (conditionName) {
      case "hasMany":
        return ReviewWorkflow.hasMany(invocation.output("batch", ReviewWorkflow.Batch.class));
      default:
        throw new IllegalArgumentException("Unknown condition \"" + conditionName + "\" in workflow \"review\"");
    }
  }

  /**
   * Reads "items[0].sku" from the output of step "batch".
   */
  private static String readBulkFirstSku(ReviewWorkflow.Batch value) {
    var value1 = PathValues.require(value, "batch", "").items();
    var value2 = PathValues.require(value1, "batch", "items").get(0);
    return PathValues.require(value2, "batch", "items[0]").getSku();
  }

  /**
   * Reads "text" from the output of step "merge".
   */
  private static String readPublishText(ReviewWorkflow.Summary value) {
    return PathValues.require(value, "merge", "").text();
  }
}

package com.acme.flow;

import dev.stepwise.Join;
import dev.stepwise.runtime.spi.FlowControl;
import dev.stepwise.runtime.spi.QueueSpec;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.ScheduleSpec;
import dev.stepwise.runtime.spi.StepFingerprint;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Boundary;
import dev.stepwise.runtime.spi.validation.Contract;
import dev.stepwise.runtime.spi.validation.Validators;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * The graph and dispatch of workflow {@code nightly-report} (NightlyReport); registered by {@link NightlyReportRunner}.
 */
@Generated("dev.stepwise.processor.WorkflowProcessor")
public final class NightlyReportDefinition implements WorkflowDefinition {
  /**
   * Queue {@code mail}, declared by {@link FlowQueues.Mail}.
   */
  static final QueueSpec MAIL_QUEUE = new QueueSpec("mail", 4, 0, 0, 0, Duration.ofMillis(1000L));

  static final String MERMAID = "flowchart TD\n"
      + "  build[\"build\"]\n";

  static final WorkflowGraph GRAPH = new WorkflowGraph(
      "nightly-report",
      "15be6e40eea1f9d7",
      List.of(
          new StepSpec("build", List.of(), Join.ALL, RetryPolicy.NONE, null, null, false)
              .withQueue(MAIL_QUEUE)),
      "build",
      MERMAID,
      Map.ofEntries(
          Map.entry("build", new StepFingerprint("73cc7ce3", "be2b615d", "774bc628", "5bc964e3", "140bedbf", "e3b0c442"))));

  static final List<Contract<?>> CONTRACTS = List.of(
      new Contract<Instant>(
          Boundary.input(),
          Instant.class,
          Validators.none(),
          NightlyReportSchemas.INPUT),
      new Contract<String>(
          Boundary.output("build"),
          String.class,
          Validators.none(),
          NightlyReportSchemas.OUTPUT_BUILD));

  static final FlowControl FLOW_CONTROL = new FlowControl(null, 1, 0);

  static final List<ScheduleSpec> SCHEDULES = List.of(
      new ScheduleSpec("nightly-report", "0 3 * * *", "Europe/Paris", true, 3, Duration.ofMillis(60000L)),
      new ScheduleSpec("nightly-report-noon", "0 0 12 * * MON-FRI", "UTC", false, 10, Duration.ofMillis(300000L)));

  private final NightlyReport workflow;

  public NightlyReportDefinition(NightlyReport workflow) {
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
  public FlowControl flowControl() {
    return FLOW_CONTROL;
  }

  @Override
  public Optional<Duration> retention() {
    return Optional.of(Duration.ofDays(30L));
  }

  @Override
  public List<ScheduleSpec> schedules() {
    return SCHEDULES;
  }

  @Override
  public Object invokeStep(String stepId, StepInvocation invocation) throws Exception {
    switch (stepId) {
      case "build":
        return workflow.build(invocation.input(Instant.class));
      default:
        throw new IllegalArgumentException("Unknown step \"" + stepId + "\" in workflow \"nightly-report\"");
    }
  }

  @Override
  public boolean evaluateCondition(String conditionName, StepInvocation invocation) throws
      Exception {
    switch (conditionName) {
      default:
        throw new IllegalArgumentException("Unknown condition \"" + conditionName + "\" in workflow \"nightly-report\"");
    }
  }
}

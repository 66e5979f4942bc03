package dev.stepwise.runtime.spi.observe;

import java.util.Map;

/**
 * One execution of a step, as a worker starts it.
 *
 * @param workflow the workflow's name
 * @param runId the run
 * @param step the step's id in the workflow (low cardinality: the same for every element of a
 *     fan-out and every iteration of a loop)
 * @param execution the executed instance: {@code step}, {@code step[3]} for a fan-out's element,
 *     {@code step#2} for a loop's iteration
 * @param attempt which attempt this is, from 1
 * @param node the id of the node that runs it ({@code Stepwise.nodeId()})
 * @param runContext the fields stored with the run when it started ({@link
 *     RunStartObservation#context()}); empty if none were
 */
public record StepAttempt(
    String workflow,
    String runId,
    String step,
    String execution,
    int attempt,
    String node,
    Map<String, String> runContext) {

  public StepAttempt {
    runContext = Map.copyOf(runContext);
  }
}

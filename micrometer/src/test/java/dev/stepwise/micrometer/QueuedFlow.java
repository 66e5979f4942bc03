package dev.stepwise.micrometer;

import dev.stepwise.Input;
import dev.stepwise.Queue;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

/** One call to a provider that takes one request at a time, across the cluster. */
@Workflow(name = "queued")
public class QueuedFlow {

  /** The provider's limit. */
  @Queue(name = "provider", concurrency = 1)
  public interface Provider {}

  @Step(queue = Provider.class)
  String call(@Input String prompt) {
    return "answer to " + prompt;
  }
}

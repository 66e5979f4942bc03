package dev.stepwise.bench.stepwise;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.bench.QueueProbe;

/** One step that waits for a slot of {@link BenchQueue}, then holds it for a few milliseconds. */
@Workflow(name = "bench-queued")
public class QueuedWorkflow {

  @Step(queue = BenchQueue.class)
  String hold(@Input String input) {
    return QueueProbe.step(input);
  }
}

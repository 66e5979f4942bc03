package dev.stepwise.opentelemetry;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Resume;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import io.opentelemetry.api.trace.Tracer;
import java.util.Optional;

/**
 * An order prepared, approved by a manager (it suspends until resumed) and shipped; the shipping
 * step makes a span of its own, as code calling an instrumented client would.
 */
@Workflow(name = "traced")
@Retry(attempts = 1)
public class TracedFlow {
  private final Tracer tracer;

  public TracedFlow(Tracer tracer) {
    this.tracer = tracer;
  }

  @Step
  String prepare(@Input String order) {
    if (order.startsWith("broken")) {
      throw new IllegalArgumentException("cannot prepare " + order);
    }
    return "prepared " + order;
  }

  @Step
  @After("prepare")
  String approve(
      @From("prepare") String prepared, @Resume Optional<String> manager, StepContext ctx) {
    return manager
        .map(m -> prepared + ", approved by " + m)
        .orElseGet(() -> ctx.suspend("needs a manager"));
  }

  @Step
  @After("approve")
  String ship(@From("approve") String approved) {
    tracer.spanBuilder("carrier booking").startSpan().end(); // a child of the current span
    return approved + ", shipped";
  }
}

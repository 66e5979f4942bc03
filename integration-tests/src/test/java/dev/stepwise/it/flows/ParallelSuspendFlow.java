package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Resume;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.Optional;

/**
 * Suspend in parallel branches: {@code legal} and {@code finance} both suspend at once, {@code
 * quick} runs through, and {@code signOff} joins all three once both are resumed.
 */
@Workflow(name = "it-parallel-suspend")
public class ParallelSuspendFlow {

  @Step
  String legal(@Resume Optional<String> approval, StepContext ctx) {
    return approval.map(a -> "legal: " + a).orElseGet(() -> ctx.suspend("legal must approve"));
  }

  @Step
  String finance(@Resume Optional<String> approval, StepContext ctx) {
    return approval.map(a -> "finance: " + a).orElseGet(() -> ctx.suspend("finance must approve"));
  }

  @Step
  String quick() {
    return "quick";
  }

  @Step
  @After({"legal", "finance", "quick"})
  String signOff(
      @From("legal") String legal, @From("finance") String finance, @From("quick") String quick) {
    return legal + ", " + finance + ", " + quick;
  }
}

package dev.stepwise.example.research;

import dev.stepwise.example.research.ResearchWorkflow.Review;
import dev.stepwise.runtime.Stepwise;
import java.io.PrintStream;
import java.time.Duration;

/** Runs the research workflow: a fan-out over five flaky sources, then an editor's event. */
public final class ResearchDemo {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final PrintStream out;
  private final ResearchWorkflowRunner research;

  public ResearchDemo(Stepwise engine, PrintStream out) {
    this.out = out;
    this.research = new ResearchWorkflowRunner(engine, new ResearchWorkflow(new FlakySources()));
  }

  /** Starts a run, sends the editor's review when the run waits for it, returns the result. */
  public ResearchWorkflowResult run() {
    out.println("== Research: five sources in parallel (3 at a time), then an editor's review ==");
    ResearchWorkflowResult waiting = research.start("durable workflows");
    out.println(
        "run " + waiting.runId() + ": " + waiting.status() + ", " + waiting.query().output());
    out.println("-- the editor reviews; sending event \"reviewed\"");
    research.sendReviewed(waiting.runId(), new Review("Eve", "publish it"));
    ResearchWorkflowResult done = research.awaitCompletion(waiting.runId(), WAIT);
    out.println("run " + done.runId() + ": " + done.status() + ", " + done.output());
    return done;
  }
}

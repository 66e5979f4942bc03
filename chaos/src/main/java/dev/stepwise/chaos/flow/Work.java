package dev.stepwise.chaos.flow;

import dev.stepwise.runtime.StepContext;

/** What the soak's ordinary steps do: fail once by design if the job says so, then take time. */
final class Work {
  private Work() {}

  /** The failure a step's first attempt throws when the job names it. */
  static final class DesignedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DesignedFailure(String message) {
      super(message);
    }
  }

  static String step(Job job, StepContext ctx) {
    failIfDesigned(job, ctx);
    pause(job.latencyMs());
    return ctx.stepId() + " on attempt " + ctx.attempt();
  }

  static void failIfDesigned(Job job, StepContext ctx) {
    // Thrown before any work, so that a fault can hardly hit a first attempt that was meant to
    // fail: the soak counts every retry of a named step as designed, the others as caused by
    // faults.
    if (ctx.attempt() == 1 && job.failFirst().equals(ctx.stepId())) {
      throw new DesignedFailure("designed failure of " + ctx.stepId() + " on attempt 1");
    }
  }

  static void pause(int millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while working", e);
    }
  }
}

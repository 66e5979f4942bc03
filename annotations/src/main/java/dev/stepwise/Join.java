package dev.stepwise;

/** How a step with several predecessors decides to run once they have all finished. */
public enum Join {
  /** Run only if every predecessor succeeded; if any was skipped, this step is skipped too. */
  ALL,
  /** Run if none failed and at least one succeeded; merges the branches of an if/else. */
  ANY
}

package com.acme.flow;

import dev.stepwise.Queue;

/** The queues of the flow-control workflows: each on a type of its own. */
public final class FlowQueues {
  private FlowQueues() {}

  /** A rate-limited model API, at most one call per customer at a time. */
  @Queue(name = "llm", concurrency = 8, perNode = 2, perKey = 1, rate = 50, ratePeriod = "1s")
  public interface LlmQueue {}

  /** A mail relay that takes four connections. */
  @Queue(name = "mail", concurrency = 4)
  public interface Mail {}
}

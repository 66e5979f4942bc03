package dev.stepwise.chaos.flow;

import dev.stepwise.Queue;

/**
 * The soak's queue with a global concurrency limit: at most {@link #LIMIT} of its steps run at once
 * over all worker JVMs. The soak checks that limit from the intervals the steps record ({@link
 * Slots}), not from the engine's own rows.
 */
@Queue(name = SoakLimited.NAME, concurrency = SoakLimited.LIMIT)
public interface SoakLimited {
  String NAME = "soak-limited";

  int LIMIT = 3;
}

package dev.stepwise.runtime.internal.store;

import dev.stepwise.runtime.internal.store.TaskQueue.Claimed;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * How a database takes due step rows for a node: leases up to {@code limit} PENDING rows of the
 * given workflows whose {@code not_before} passed, oldest first, skipping rows other nodes are
 * taking, and returns them joined with their runs. Each database's {@code Dialect} provides one.
 */
public interface Claim {
  List<Claimed> claim(
      String owner, Instant now, Duration lease, int limit, Collection<String> workflows);
}

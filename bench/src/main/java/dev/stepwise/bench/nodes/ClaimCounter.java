package dev.stepwise.bench.nodes;

import dev.stepwise.runtime.spi.observe.RunFinish;
import dev.stepwise.runtime.spi.observe.StepwiseObserver;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts a node's claims, the empty ones apart (the dispatcher was woken or polled, but other nodes
 * had taken the due steps, or none were due), and the runs it finished: the claims' side of
 * contention, which {@code pg_stat_activity} cannot show because the claim skips locked rows
 * instead of waiting for them.
 */
final class ClaimCounter implements StepwiseObserver {
  private final LongAdder claims = new LongAdder();
  private final LongAdder empty = new LongAdder();
  private final LongAdder claimed = new LongAdder();
  private final LongAdder claimNanos = new LongAdder();
  private final LongAdder finished = new LongAdder();

  @Override
  public void stepsClaimed(String queue, int count, Duration latency) {
    if (queue != null) {
      return; // (n) has no queue; a queue's claim is another statement
    }
    claims.increment();
    if (count == 0) {
      empty.increment();
    }
    claimed.add(count);
    claimNanos.add(latency.toNanos());
  }

  @Override
  public void runFinished(RunFinish finish) {
    finished.increment();
  }

  NodeReport report(long cpuNanos, long statements) {
    return new NodeReport(
        cpuNanos,
        statements,
        claims.sum(),
        empty.sum(),
        claimed.sum(),
        claimNanos.sum(),
        finished.sum());
  }
}

package dev.stepwise.spring.actuate;

import dev.stepwise.runtime.DatabaseUnavailableException;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The engine's health: DOWN when its database does not answer within the engine's database timeout,
 * or when this node's heartbeat has not extended its leases for longer than a lease (other nodes
 * may then take its steps over); with the queue depths of every registered workflow.
 */
public final class StepwiseHealthIndicator extends AbstractHealthIndicator {
  private final Stepwise engine;
  private final Duration lease;
  private final Clock clock;

  /**
   * @param lease the engine's lease ({@code stepwise.lease}): heartbeats older than it are stale
   */
  public StepwiseHealthIndicator(Stepwise engine, Duration lease, Clock clock) {
    super("Stepwise health check failed");
    this.engine = engine;
    this.lease = lease;
    this.clock = clock;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    health.withDetail("node", engine.nodeId());
    try {
      engine.schedules().list(); // one query, bounded by the engine's database timeout
    } catch (DatabaseUnavailableException e) {
      health.down().withDetail("database", "unreachable: " + e.getMessage());
      return;
    }
    health.withDetail("database", "reachable");
    Optional<Instant> renewed = engine.leasesRenewedAt();
    if (renewed.isEmpty()) {
      health.withDetail("leases", "not renewed yet (engine not started, or just started)");
    } else {
      Duration age = Duration.between(renewed.get(), clock.instant());
      health.withDetail("leasesRenewedAt", renewed.get().toString());
      if (age.compareTo(lease) > 0) {
        health
            .down()
            .withDetail(
                "leases",
                "not renewed for "
                    + age
                    + ", longer than the lease "
                    + lease
                    + ": other nodes may"
                    + " take this node's steps over");
        return;
      }
    }
    Map<String, Map<String, Integer>> depths = new LinkedHashMap<>();
    for (WorkflowClient client : engine.clients()) {
      depths.put(client.graph().name(), QueueDepths.of(client));
    }
    health.up().withDetail("workflows", depths);
  }
}

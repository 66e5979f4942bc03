package dev.stepwise.runtime.internal.model;

import dev.stepwise.runtime.spi.QueueSpec;
import dev.stepwise.runtime.spi.TransactionalStepScope;
import java.time.Duration;
import java.util.Map;

/**
 * The engine's settings, validated once.
 *
 * @param nodeId this node's name, stored as the lease owner of the steps it runs
 * @param schema the schema holding the tables, created if missing; null for the connection's
 * @param workers how many steps this node runs at once
 * @param lease how long a claimed step stays this node's without a heartbeat
 * @param pollInterval how often the dispatcher looks for work queued by other nodes
 * @param shutdownTimeout how long {@code close()} lets running steps finish
 * @param databaseTimeout how long a call waits for a connection before it reports the database
 *     unavailable
 * @param maxPayloadBytes the largest JSON, in UTF-8 bytes, stored for an input, a payload or an
 *     output ({@link PayloadLimit})
 * @param retention how long finished runs are kept, for workflows without a retention of their own;
 *     null to keep them forever
 * @param queueLimits this engine's overrides of the limits of named queues
 * @param transactionalStepScope what runs around each transactional step's body, inside its
 *     transaction; null for {@link TransactionalStepScope#NONE}
 */
public record EngineConfig(
    String nodeId,
    String schema,
    int workers,
    Duration lease,
    Duration pollInterval,
    Duration shutdownTimeout,
    Duration databaseTimeout,
    int maxPayloadBytes,
    Duration retention,
    Map<String, QueueSpec> queueLimits,
    TransactionalStepScope transactionalStepScope) {

  public EngineConfig {
    transactionalStepScope =
        transactionalStepScope == null ? TransactionalStepScope.NONE : transactionalStepScope;
    queueLimits = queueLimits == null ? Map.of() : Map.copyOf(queueLimits);
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
    if (lease.toMillis() < 30) {
      throw new IllegalArgumentException("lease must be at least 30ms, was " + lease);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
    }
    if (databaseTimeout.toMillis() < 250) {
      // HikariCP's floor for a connection timeout.
      throw new IllegalArgumentException(
          "databaseTimeout must be at least 250ms, was " + databaseTimeout);
    }
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException(
          "maxPayloadBytes must be at least 1, was " + maxPayloadBytes);
    }
    if (retention != null && (retention.isNegative() || retention.isZero())) {
      throw new IllegalArgumentException("retention must be positive, was " + retention);
    }
    if (schema != null && !schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          "schema must be a plain SQL identifier (letters, digits, _), was \"" + schema + "\"");
    }
  }

  /** The limit on each stored input, payload and output. */
  public PayloadLimit payloadLimit() {
    return new PayloadLimit(maxPayloadBytes);
  }
}

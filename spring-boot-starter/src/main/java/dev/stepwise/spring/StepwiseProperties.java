package dev.stepwise.spring;

import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.spi.QueueSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code stepwise.*} settings of the engine the starter builds. Each one left unset keeps the
 * engine's own default (named in its description), so the two cannot drift apart.
 */
@ConfigurationProperties(prefix = "stepwise")
public class StepwiseProperties {

  /** Whether the engine starts its workers with the application context. */
  private boolean autoStart = true;

  /** How many steps this node runs at once; default 8. */
  private Integer workers;

  /** Schema holding the engine's tables, created if missing; default the connection's. */
  private String schema;

  /** How long a step stays this node's without a heartbeat; default 30s. */
  private Duration lease;

  /** How often to look for work queued by other nodes; default 500ms. */
  private Duration pollInterval;

  /** How long closing the context lets running steps finish; default 10s. */
  private Duration shutdownTimeout;

  /** How long a call waits for the database before it reports it unavailable; default 5s. */
  private Duration databaseTimeout;

  /** This node's id, stored as the lease owner of its steps; default host/pid plus a suffix. */
  private String nodeId;

  /** Largest JSON, in UTF-8 bytes, stored for one input, payload or output; default 2 MiB. */
  private Integer maxPayloadBytes;

  /** How long finished runs are kept before they are deleted; default forever. */
  private Duration retention;

  /** Overrides of the limits of queues that workflows declare with @Queue, by queue name. */
  private final Map<String, Queue> queues = new LinkedHashMap<>();

  private final Embedded embedded = new Embedded();

  /** Copies every setting that is set onto {@code builder}. */
  void applyTo(Stepwise.Builder builder) {
    if (workers != null) {
      builder.workers(workers);
    }
    if (schema != null) {
      builder.schema(schema);
    }
    if (lease != null) {
      builder.lease(lease);
    }
    if (pollInterval != null) {
      builder.pollInterval(pollInterval);
    }
    if (shutdownTimeout != null) {
      builder.shutdownTimeout(shutdownTimeout);
    }
    if (databaseTimeout != null) {
      builder.databaseTimeout(databaseTimeout);
    }
    if (nodeId != null) {
      builder.nodeId(nodeId);
    }
    if (maxPayloadBytes != null) {
      builder.maxPayloadBytes(maxPayloadBytes);
    }
    if (retention != null) {
      builder.retention(retention);
    }
    queues.forEach((name, q) -> builder.queueLimits(q.toSpec(name)));
  }

  public boolean isAutoStart() {
    return autoStart;
  }

  public void setAutoStart(boolean autoStart) {
    this.autoStart = autoStart;
  }

  public Integer getWorkers() {
    return workers;
  }

  public void setWorkers(Integer workers) {
    this.workers = workers;
  }

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public Duration getLease() {
    return lease;
  }

  public void setLease(Duration lease) {
    this.lease = lease;
  }

  public Duration getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  public Duration getShutdownTimeout() {
    return shutdownTimeout;
  }

  public void setShutdownTimeout(Duration shutdownTimeout) {
    this.shutdownTimeout = shutdownTimeout;
  }

  public Duration getDatabaseTimeout() {
    return databaseTimeout;
  }

  public void setDatabaseTimeout(Duration databaseTimeout) {
    this.databaseTimeout = databaseTimeout;
  }

  public String getNodeId() {
    return nodeId;
  }

  public void setNodeId(String nodeId) {
    this.nodeId = nodeId;
  }

  public Integer getMaxPayloadBytes() {
    return maxPayloadBytes;
  }

  public void setMaxPayloadBytes(Integer maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  public Duration getRetention() {
    return retention;
  }

  public void setRetention(Duration retention) {
    this.retention = retention;
  }

  public Map<String, Queue> getQueues() {
    return queues;
  }

  public Embedded getEmbedded() {
    return embedded;
  }

  /** The embedded H2 file database, used when the application has no DataSource bean. */
  public static class Embedded {
    /** Directory of the H2 file database. */
    private Path dir = Path.of("stepwise-data");

    public Path getDir() {
      return dir;
    }

    public void setDir(Path dir) {
      this.dir = dir;
    }
  }

  /** The limits of one queue on this node's engine; 0 means no limit. */
  public static class Queue {
    /** Most steps of the queue running at once, over all nodes. */
    private int concurrency;

    /** Most running at once on one node. */
    private int perNode;

    /** Most running at once per value of their run's concurrency key. */
    private int perKey;

    /** Most starts in any window of rate-period. */
    private int rate;

    /** The window of rate. */
    private Duration ratePeriod = Duration.ofSeconds(1);

    QueueSpec toSpec(String name) {
      return new QueueSpec(name, concurrency, perNode, perKey, rate, ratePeriod);
    }

    public int getConcurrency() {
      return concurrency;
    }

    public void setConcurrency(int concurrency) {
      this.concurrency = concurrency;
    }

    public int getPerNode() {
      return perNode;
    }

    public void setPerNode(int perNode) {
      this.perNode = perNode;
    }

    public int getPerKey() {
      return perKey;
    }

    public void setPerKey(int perKey) {
      this.perKey = perKey;
    }

    public int getRate() {
      return rate;
    }

    public void setRate(int rate) {
      this.rate = rate;
    }

    public Duration getRatePeriod() {
      return ratePeriod;
    }

    public void setRatePeriod(Duration ratePeriod) {
      this.ratePeriod = ratePeriod;
    }
  }
}

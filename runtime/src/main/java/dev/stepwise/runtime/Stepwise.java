package dev.stepwise.runtime;

import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.runtime.internal.Engine;
import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.PayloadLimit;
import dev.stepwise.runtime.internal.store.DataSources;
import dev.stepwise.runtime.spi.QueueSpec;
import dev.stepwise.runtime.spi.TransactionalStepScope;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.observe.StepwiseObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.sql.DataSource;

/** The engine: stores runs in a database and executes their steps on worker threads. */
public final class Stepwise implements AutoCloseable {
  private final Engine engine;
  // The clients by workflow name, sorted so listings are deterministic, for tools that serve every
  // workflow.
  private final Map<String, WorkflowClient> clients = new ConcurrentSkipListMap<>();

  private Stepwise(Engine engine) {
    this.engine = engine;
  }

  /** An engine on an H2 file database under {@code ./stepwise-data}. */
  public static Stepwise embedded() {
    return embedded(Path.of("stepwise-data"));
  }

  /**
   * An engine on an H2 file database in {@code dir}, created if missing. H2 lets one process open
   * it at a time; use PostgreSQL for several nodes.
   */
  public static Stepwise embedded(Path dir) {
    return builder().embedded(dir).build();
  }

  /** A builder, for PostgreSQL ({@code dataSource}) or other settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** Registers a workflow; the generated runner calls this in its constructor. */
  public WorkflowClient register(WorkflowDefinition definition) {
    WorkflowClient client = engine.register(definition);
    clients.put(definition.graph().name(), client);
    return client;
  }

  /** The clients of the registered workflows, sorted by workflow name. */
  public List<WorkflowClient> clients() {
    return List.copyOf(clients.values());
  }

  /** The client of the registered workflow {@code name}, if there is one. */
  public Optional<WorkflowClient> client(String name) {
    return Optional.ofNullable(clients.get(name));
  }

  /**
   * Keeps an older definition of a registered workflow running: runs that started with its graph
   * version go on on it, while new runs and runs of every other version use the definition its
   * runner registered. Register the current one first. For a change under which runs in flight
   * cannot go on (see the guide, "Changing code under running runs"): keep the old workflow class
   * next to the new one until its runs have finished.
   */
  public void registerPrevious(WorkflowDefinition definition) {
    engine.registerPrevious(definition);
  }

  /** Starts the worker threads; runs started before are picked up. */
  public void start() {
    engine.start();
  }

  /**
   * The cron schedules ({@code @Schedule}) of every node on this database: list, pause, resume and
   * trigger them. A schedule is stored when an engine that registered its workflow starts.
   */
  public Schedules schedules() {
    return engine.schedules();
  }

  /**
   * When this node's heartbeat last extended the leases of the steps it runs (every lease/3 once
   * started); empty before the first one. Older than the lease means other nodes may take its steps
   * over: what a health check reports.
   */
  public Optional<Instant> leasesRenewedAt() {
    return engine.leasesRenewedAt();
  }

  /**
   * The engine's database: the DataSource given to the builder, or the pool the engine created (for
   * {@link #embedded()} too). Use it for the application's own tables, e.g. to run its own
   * migrations on the embedded database before {@link #start()}; keep them out of the engine's
   * {@code sw_} tables. A pool the engine created closes with it.
   */
  public DataSource dataSource() {
    return engine.dataSource();
  }

  /**
   * What the steps and schedules of the workflows registered here have to do now, by the engine's
   * clock, read from the database (so every node's steps count): for health checks, and for a
   * test's virtual clock to know when the engine is idle and what falls due next.
   */
  public Workload workload() {
    return engine.workload();
  }

  /** This node's id, stored as the lease owner of the steps it runs. */
  public String nodeId() {
    return engine.config().nodeId();
  }

  /**
   * Stops taking work, lets running steps finish (bounded by {@link Builder#shutdownTimeout}) and
   * closes the connection pool if the engine created it; a DataSource passed in stays open.
   */
  @Override
  public void close() {
    engine.close();
  }

  /** Settings for an engine. */
  public static final class Builder {
    private DataSource dataSource;
    private Path embeddedDir;
    private String jdbcUrl;
    private String user;
    private String password;
    private String schema;
    private int workers = 8;
    private Duration lease = Duration.ofSeconds(30);
    private Duration pollInterval = Duration.ofMillis(500);
    private Duration shutdownTimeout = Duration.ofSeconds(10);
    private Duration databaseTimeout = Duration.ofSeconds(5);
    private String nodeId;
    private int maxPayloadBytes = PayloadLimit.DEFAULT_MAX_BYTES;
    private Duration retention;
    private Clock clock = Clock.systemUTC();
    private final Map<String, QueueSpec> queueLimits = new LinkedHashMap<>();
    private TransactionalStepScope transactionalStepScope = TransactionalStepScope.NONE;
    private final List<StepwiseObserver> observers = new ArrayList<>();

    /** Prefer {@link Stepwise#builder()}; kept public as the skeleton's API had it. */
    public Builder() {}

    /**
     * Use this DataSource (e.g. PostgreSQL); the engine never closes it. Give it room for the
     * workers plus a few connections. For H2, add {@code LOCK_TIMEOUT=10000} to the url: a step's
     * completion may wait for another one's on the same run. For an H2 file database, connect as an
     * admin user and add {@code WRITE_DELAY=0;RETENTION_TIME=0} too: the engine sets them when it
     * starts, so that each commit survives a killed JVM and the file does not grow with every
     * commit, but H2 forgets them when it closes the database (after its last connection closes)
     * and reopens it with the url's values. The engine compacts only the H2 files it opens itself;
     * compact yours with {@code SHUTDOWN COMPACT} while nothing uses it. An embedded H2 closes its
     * database for good after a fatal error in its store (a commit that ran out of memory): let the
     * pool drop connections that fail with H2's error 90098, so new ones reopen the file (the pools
     * the engine creates do; with HikariCP, an {@code SQLExceptionOverride} that returns {@code
     * MUST_EVICT} for it).
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    /** Use a pool the engine creates (and closes) on this JDBC url, without a password. */
    public Builder jdbcUrl(String url, String user) {
      return jdbcUrl(url, user, null);
    }

    /** Use a pool the engine creates (and closes) on this JDBC url. */
    public Builder jdbcUrl(String url, String user, String password) {
      this.jdbcUrl = url;
      this.user = user;
      this.password = password;
      return this;
    }

    /** Use an H2 file database in {@code dir}. */
    public Builder embedded(Path dir) {
      this.embeddedDir = dir;
      return this;
    }

    /** Put every table in this schema, created if missing; default: the connection's schema. */
    public Builder schema(String schema) {
      this.schema = schema;
      return this;
    }

    /** How many steps this node runs at once; default 8. */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /**
     * How long a step stays this node's without a heartbeat; default 30s. A node that dies loses
     * its steps to others after this long.
     */
    public Builder lease(Duration lease) {
      this.lease = lease;
      return this;
    }

    /** How often to look for work queued by other nodes; default 500ms. */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
      return this;
    }

    /** How long {@code close()} lets running steps finish; default 10s. */
    public Builder shutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = shutdownTimeout;
      return this;
    }

    /**
     * How long a call waits for the database before it fails with {@link
     * DatabaseUnavailableException}; default 5s. It is the connection timeout of the pool the
     * engine creates (give a DataSource of your own the same one: its pool decides how long a call
     * waits for a connection). A call that takes a timeout of its own, such as {@code
     * awaitCompletion}, keeps to that one.
     */
    public Builder databaseTimeout(Duration databaseTimeout) {
      this.databaseTimeout = databaseTimeout;
      return this;
    }

    /** This node's id; default host/pid plus a random suffix. */
    public Builder nodeId(String nodeId) {
      this.nodeId = nodeId;
      return this;
    }

    /**
     * The largest JSON, in UTF-8 bytes, the engine stores for one value: a run's input, a resume or
     * event payload, a step's output (a fan-out's list of outputs as a whole); default 2 MiB
     * (2,097,152). A larger input or payload is refused with a {@link PayloadTooLargeException}
     * before anything is stored; a larger output fails its step with that exception, without a
     * retry. Keep documents, files and long texts elsewhere and pass a reference: every value is
     * held in memory while it is committed, and a run's input is read again for its steps.
     */
    public Builder maxPayloadBytes(int maxPayloadBytes) {
      this.maxPayloadBytes = maxPayloadBytes;
      return this;
    }

    /**
     * How long finished runs (succeeded, failed or cancelled) are kept before they are deleted,
     * with their steps, events and child runs; default: kept forever. A workflow's own
     * {@code @Workflow(retention)} overrides it. Deleting is done in small batches, by one node at
     * a time, for the workflows registered on that node.
     */
    public Builder retention(Duration retention) {
      this.retention = retention;
      return this;
    }

    /**
     * Overrides, on this engine, the limits of the queue named {@code limits.name()} that workflows
     * declare with {@code @Queue}: for an environment whose provider quota differs from the code's.
     * Give every node the same limits: each counts against its own.
     */
    public Builder queueLimits(QueueSpec limits) {
      queueLimits.put(limits.name(), limits);
      return this;
    }

    /**
     * What runs around the body of each {@code @Step(transactional = true)}, inside its
     * transaction; default: nothing. The Spring Boot starter sets one that binds the step's
     * connection as Spring's transaction, so a {@code JdbcTemplate} in the step writes in it.
     */
    public Builder transactionalStepScope(TransactionalStepScope transactionalStepScope) {
      this.transactionalStepScope = transactionalStepScope;
      return this;
    }

    /**
     * Where the engine reads "now": due times of retries, timers, event deadlines and schedules,
     * leases, and the times it stores; default the system clock (UTC). For tests: a clock that
     * implements {@link dev.stepwise.runtime.spi.ClockJumps} can jump ahead; on each jump the
     * engine extends the leases of the steps it runs, counts the skipped time towards their
     * deadlines ({@code @Step(timeout)}, otherwise measured on the system's own timer) and wakes up
     * for what fell due (the {@code stepwise-test} module's {@code TestClock} does this). Every
     * node on one database must use the same time: a clock of its own belongs to an engine alone on
     * its database.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Adds an observer of what this engine does: runs started and finished, step attempts, claims,
     * expired leases. The {@code stepwise-micrometer} module's {@code StepwiseMetrics.of(registry)}
     * turns them into metrics, {@code stepwise-opentelemetry}'s {@code
     * StepwiseTracing.of(openTelemetry)} into spans; several observers may be added.
     */
    public Builder observer(StepwiseObserver observer) {
      observers.add(Objects.requireNonNull(observer, "observer"));
      return this;
    }

    public Stepwise build() {
      EngineConfig config =
          new EngineConfig(
              nodeId != null ? nodeId : defaultNodeId(),
              schema,
              workers,
              lease,
              pollInterval,
              shutdownTimeout,
              databaseTimeout,
              maxPayloadBytes,
              retention,
              queueLimits,
              transactionalStepScope);
      // A pool the engine creates: room for every worker plus the dispatcher, the lease keeper
      // and callers of start/status.
      int poolSize = workers + 4;
      if (dataSource != null) {
        return new Stepwise(new Engine(dataSource, null, config, clock, observers));
      }
      HikariDataSource pool;
      if (jdbcUrl != null) {
        pool = DataSources.pool(jdbcUrl, user, password, poolSize, databaseTimeout);
      } else {
        Path dir = embeddedDir != null ? embeddedDir : Path.of("stepwise-data");
        try {
          Files.createDirectories(dir);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot create the database directory " + dir, e);
        }
        pool = DataSources.h2File(dir, poolSize, databaseTimeout);
      }
      try {
        return new Stepwise(new Engine(pool, pool, config, clock, observers));
      } catch (RuntimeException e) {
        pool.close();
        throw e;
      }
    }

    private static String defaultNodeId() {
      // RuntimeMXBean's name is "pid@host": readable in the lease_owner column.
      return ManagementFactory.getRuntimeMXBean().getName()
          + "-"
          + UUID.randomUUID().toString().substring(0, 8);
    }
  }
}

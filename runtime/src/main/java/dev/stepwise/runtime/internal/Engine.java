package dev.stepwise.runtime.internal;

import dev.stepwise.runtime.internal.commit.ChainCompletion;
import dev.stepwise.runtime.internal.commit.ChildRuns;
import dev.stepwise.runtime.internal.commit.Completion;
import dev.stepwise.runtime.internal.commit.RunStarter;
import dev.stepwise.runtime.internal.exec.Dispatcher;
import dev.stepwise.runtime.internal.exec.InFlight;
import dev.stepwise.runtime.internal.exec.LeaseKeeper;
import dev.stepwise.runtime.internal.exec.StepExecutor;
import dev.stepwise.runtime.internal.exec.TimerQueue;
import dev.stepwise.runtime.internal.exec.WorkerPool;
import dev.stepwise.runtime.internal.json.JsonCodec;
import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.Registry;
import dev.stepwise.runtime.internal.observe.RunWaiters;
import dev.stepwise.runtime.internal.observe.Watchers;
import dev.stepwise.runtime.internal.store.Database;
import dev.stepwise.runtime.internal.store.RunRepository;
import dev.stepwise.runtime.internal.store.TaskQueue;
import dev.stepwise.runtime.internal.store.dialect.ChainWrites;
import dev.stepwise.runtime.internal.store.dialect.Notifier;
import dev.stepwise.runtime.internal.store.dialect.PgChainWrites;
import dev.stepwise.runtime.internal.store.dialect.PgNotifier;
import dev.stepwise.runtime.internal.store.dialect.PortableChainWrites;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the engine's parts together and owns their lifecycle; {@code Stepwise} delegates here. */
public final class Engine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  private final EngineConfig config;
  private final Database database;
  private final RunRepository repo;
  private final TaskQueue queue;
  private final Registry registry = new Registry();
  private final RunWaiters waiters = new RunWaiters();
  private final InFlight inFlight = new InFlight();
  private final JsonCodec codec = new JsonCodec();
  private final WorkerPool pool;
  private final Dispatcher dispatcher;
  private final StepExecutor executor;
  private final RunStarter starter;
  private final LeaseKeeper leases;
  private final TimerQueue timers;
  private final Watchers watchers;
  private final Notifier notifier;
  private volatile boolean closed;

  /**
   * Connects and migrates the schema.
   *
   * @param ownedPool the pool to close with the engine, or null when the caller owns it
   */
  public Engine(DataSource dataSource, AutoCloseable ownedPool, EngineConfig config) {
    this.config = config;
    this.database = new Database(dataSource, ownedPool, config.schema());
    Clock clock = Clock.systemUTC();
    this.repo = new RunRepository(database.dsl());
    this.queue = new TaskQueue(database.dsl());
    this.pool = new WorkerPool(config.workers(), config.nodeId());
    this.dispatcher = new Dispatcher(queue, registry, pool, config, clock);
    ChainWrites chainWrites =
        database.dialect() == SQLDialect.POSTGRES
            ? new PgChainWrites(database.dataSource(), database.schema(), config.nodeId())
            : new PortableChainWrites(database.dataSource(), database.dsl());
    ChainCompletion chain =
        new ChainCompletion(chainWrites, repo, registry, pool, waiters, dispatcher, config, clock);
    Completion completion =
        new Completion(repo, queue, registry, pool, waiters, dispatcher, config, clock, chain);
    this.executor =
        new StepExecutor(repo, queue, registry, completion, inFlight, pool, codec, config, clock);
    this.starter = new RunStarter(repo, chainWrites, codec, pool, dispatcher, completion, clock);
    this.leases = new LeaseKeeper(queue, inFlight, dispatcher, config, clock);
    this.timers = new TimerQueue(repo, registry, dispatcher, waiters, config, clock);
    completion.timers(timers);
    this.notifier =
        database.dialect() == SQLDialect.POSTGRES
            ? new PgNotifier(
                database.dataSource(), database.schema(), config.nodeId(), this::changedElsewhere)
            : Notifier.NONE;
    this.watchers = new Watchers(config.nodeId(), Duration.ofSeconds(1), notifier::listen);
    waiters.onTouch(watchers::changed);
    waiters.onAnnounce(notifier::announce);
    waiters.onChange(
        runId -> {
          watchers.changed(runId);
          // A child that finished wakes its parent's step (a read only for child run ids).
          ChildRuns.wakeParent(repo, runId, clock.instant())
              .ifPresent(
                  parent -> {
                    waiters.changed(parent);
                    workQueued();
                  });
        });
    pool.onFree(dispatcher::capacityFreed);
    starter.executors(executor::runChain, executor::runOnCaller);
  }

  public EngineConfig config() {
    return config;
  }

  /** Registers a workflow; before or after {@link #start()}. */
  public WorkflowClient register(WorkflowDefinition definition) {
    registry.add(definition);
    if (dispatcher.isRunning()) {
      dispatcher.workQueued(); // its queued steps may be waiting for a node that knows it
    }
    return new DefaultWorkflowClient(definition, this, repo, codec, waiters, starter, watchers);
  }

  /** Starts the dispatcher, heartbeat and sweeper; runs queued before are picked up. */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("engine is closed");
    }
    leases.start();
    dispatcher.start(executor::runChain);
    timers.start();
    log.info("Stepwise node {} started with {} workers", config.nodeId(), config.workers());
  }

  /** Another node changed {@code runId} (PostgreSQL NOTIFY): wake waiters and watches here. */
  private void changedElsewhere(String runId) {
    waiters.wake(runId);
    watchers.changed(runId);
  }

  /** The registered definition of a workflow, for child runs of other workflows. */
  Optional<WorkflowDefinition> definition(String workflow) {
    return registry.find(workflow);
  }

  void workQueued() {
    dispatcher.workQueued();
  }

  /**
   * Stops taking work, lets running steps finish (up to the shutdown timeout), then closes the pool
   * if the engine created it. Steps still running after that keep their lease until it expires.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      timers.stop();
      dispatcher.stop();
      if (!pool.shutdown(config.shutdownTimeout())) {
        log.warn(
            "Steps still running after {}; another node takes them over once their lease expires",
            config.shutdownTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      leases.stop();
      watchers.close();
      notifier.close();
      database.close();
    }
  }
}

package dev.stepwise.runtime.internal;

import dev.stepwise.runtime.Schedules;
import dev.stepwise.runtime.Workload;
import dev.stepwise.runtime.internal.commit.ChainCompletion;
import dev.stepwise.runtime.internal.commit.Completion;
import dev.stepwise.runtime.internal.commit.GraphUpgrade;
import dev.stepwise.runtime.internal.commit.RunChanges;
import dev.stepwise.runtime.internal.commit.RunControl;
import dev.stepwise.runtime.internal.commit.RunResume;
import dev.stepwise.runtime.internal.commit.RunStarter;
import dev.stepwise.runtime.internal.commit.Wakeups;
import dev.stepwise.runtime.internal.exec.AttemptObserving;
import dev.stepwise.runtime.internal.exec.DispatchSignal;
import dev.stepwise.runtime.internal.exec.Dispatcher;
import dev.stepwise.runtime.internal.exec.InFlight;
import dev.stepwise.runtime.internal.exec.JumpingTime;
import dev.stepwise.runtime.internal.exec.LeaseKeeper;
import dev.stepwise.runtime.internal.exec.NodeWakeups;
import dev.stepwise.runtime.internal.exec.PutBacks;
import dev.stepwise.runtime.internal.exec.QueueWork;
import dev.stepwise.runtime.internal.exec.RetentionSweeper;
import dev.stepwise.runtime.internal.exec.StepExecutor;
import dev.stepwise.runtime.internal.exec.TimerQueue;
import dev.stepwise.runtime.internal.exec.WorkerPool;
import dev.stepwise.runtime.internal.json.JsonCodec;
import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.Registry;
import dev.stepwise.runtime.internal.observe.Observers;
import dev.stepwise.runtime.internal.observe.RunWaiters;
import dev.stepwise.runtime.internal.observe.Watchers;
import dev.stepwise.runtime.internal.schedule.ScheduleKeeper;
import dev.stepwise.runtime.internal.store.Database;
import dev.stepwise.runtime.internal.store.GraphVersions;
import dev.stepwise.runtime.internal.store.QueueClaim;
import dev.stepwise.runtime.internal.store.RetentionRows;
import dev.stepwise.runtime.internal.store.RunContexts;
import dev.stepwise.runtime.internal.store.RunGate;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.ScheduleRows;
import dev.stepwise.runtime.internal.store.TaskQueue;
import dev.stepwise.runtime.internal.store.TimerRows;
import dev.stepwise.runtime.internal.store.WorkloadRows;
import dev.stepwise.runtime.internal.store.dialect.ChainWrites;
import dev.stepwise.runtime.internal.store.dialect.Dialect;
import dev.stepwise.runtime.internal.store.dialect.Notifier;
import dev.stepwise.runtime.spi.ClockJumps;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.observe.StepwiseObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the engine's parts together and owns their lifecycle; {@code Stepwise} delegates here. */
public final class Engine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  private final EngineConfig config;
  private final Database database;
  private final RunStore repo;
  private final TaskQueue queue;
  private final Registry registry;
  private final RunWaiters waiters = new RunWaiters();
  private final InFlight inFlight = new InFlight();
  private final JsonCodec codec = new JsonCodec();
  private final WorkerPool pool;
  private final DispatchSignal dispatch;
  private final Dispatcher dispatcher;
  private final StepExecutor executor;
  private final RunStarter starter;
  private final LeaseKeeper leases;
  private final TimerQueue timers;
  private final Watchers watchers;
  private final Notifier notifier;
  private final RunChanges changes;
  private final RunControl control;
  private final QueueWork queues;
  private final ScheduleKeeper schedules;
  private final Schedules scheduleCalls;
  private final GraphUpgrade upgrade;
  private final RetentionSweeper retention;
  private final WorkloadRows workload;
  private final Clock clock;
  private final JumpingTime time;
  private final Runnable onClockJump = this::clockJumped;
  private final Observers observers;
  private final AttemptObserving attempts;
  private volatile boolean closed;

  /**
   * Connects and migrates the schema.
   *
   * @param ownedPool the pool to close with the engine, or null when the caller owns it
   */
  public Engine(DataSource dataSource, AutoCloseable ownedPool, EngineConfig config) {
    this(dataSource, ownedPool, config, Clock.systemUTC(), List.of());
  }

  /**
   * Connects and migrates the schema; every part reads "now" from {@code clock} (a test's virtual
   * clock; the system clock in production), and {@code observers} see what the engine does.
   *
   * @param ownedPool the pool to close with the engine, or null when the caller owns it
   */
  public Engine(
      DataSource dataSource,
      AutoCloseable ownedPool,
      EngineConfig config,
      Clock clock,
      List<StepwiseObserver> observers) {
    this.config = config;
    this.clock = clock;
    this.time = new JumpingTime(clock);
    this.observers = Observers.of(observers);
    this.registry = new Registry(config.queueLimits());
    this.database = new Database(dataSource, ownedPool, config.schema());
    this.repo = new RunStore(database.dsl());
    this.attempts =
        new AttemptObserving(this.observers, new RunContexts(database.dsl()), config.nodeId());
    this.upgrade = new GraphUpgrade(new GraphVersions(database.dsl()), repo, codec, clock);
    Dialect dialect = Dialect.of(database, config.nodeId());
    this.queue = new TaskQueue(database.dsl(), dialect.claim());
    // Built so that no part needs another one set after construction: the dispatch signal and the
    // wake-ups come first; the notifier reaches the run changes through this engine, because they
    // announce through it too.
    this.dispatch = new DispatchSignal();
    this.pool = new WorkerPool(config.workers(), config.nodeId(), dispatch);
    this.notifier = dialect.notifier(this::changedElsewhere);
    this.watchers = new Watchers(config.nodeId(), Duration.ofSeconds(1), notifier::listen);
    this.changes =
        new RunChanges(
            waiters, watchers, notifier, repo, dispatch::workQueued, clock, this.observers);
    this.timers = new TimerQueue(new TimerRows(repo), registry, dispatch, changes, config, clock);
    Wakeups wakeups = new NodeWakeups(dispatch, timers);
    ChainWrites chainWrites = dialect.chainWrites();
    ChainCompletion chain =
        new ChainCompletion(chainWrites, repo, registry, pool, changes, wakeups, config, clock);
    Completion completion =
        new Completion(
            repo,
            queue,
            registry,
            pool,
            changes,
            wakeups,
            config,
            clock,
            chain,
            new TimerRows(repo));
    PutBacks putBacks = new PutBacks(queue, inFlight, dispatch, config.nodeId(), clock);
    this.queues =
        new QueueWork(
            registry,
            queue,
            new QueueClaim(database.dsl(), dialect.lockWaits()),
            new RunGate(database.dsl()),
            dispatch,
            notifier,
            config,
            clock,
            this.observers);
    this.executor =
        new StepExecutor(
            repo,
            queue,
            registry,
            completion,
            inFlight,
            putBacks,
            queues,
            upgrade,
            pool,
            codec,
            config,
            clock,
            time,
            attempts);
    this.dispatcher =
        new Dispatcher(
            queue,
            registry,
            pool,
            dispatch,
            queues,
            executor::runChain,
            config,
            clock,
            this.observers);
    this.starter =
        new RunStarter(
            repo, chainWrites, codec, pool, wakeups, dispatcher::isRunning, config, clock);
    this.leases =
        new LeaseKeeper(queue, inFlight, putBacks, dispatch, config, clock, this.observers);
    RunResume resumes =
        new RunResume(
            dialect.resumeWrites(),
            repo,
            pool,
            dispatcher::isRunning,
            t -> pool.execute(t, executor::runChain),
            changes,
            wakeups,
            config,
            clock);
    this.control = new RunControl(repo, changes, wakeups, clock, resumes);
    this.schedules = new ScheduleKeeper(new ScheduleRows(database.dsl(), clock), config, clock);
    this.scheduleCalls =
        new GuardedSchedules(schedules.control(), new DatabaseCalls(config.databaseTimeout()));
    this.retention =
        new RetentionSweeper(new RetentionRows(database.dsl()), registry, config, clock);
    this.workload = new WorkloadRows(database.dsl());
  }

  public EngineConfig config() {
    return config;
  }

  /** When this node last extended the leases of its steps; empty before its first heartbeat. */
  public Optional<Instant> leasesRenewedAt() {
    return Optional.ofNullable(leases.renewedAt());
  }

  /** The observers, as one (a no-op when none was registered). */
  Observers observers() {
    return observers;
  }

  /** What tells the observers about step attempts, and knows the contexts of recent runs. */
  AttemptObserving attempts() {
    return attempts;
  }

  /** Registers a workflow; before or after {@link #start()}. */
  public WorkflowClient register(WorkflowDefinition definition) {
    // Its schedules first: a wrong cron registers nothing.
    ScheduleKeeper.Checked schedulesOf = schedules.check(definition);
    // Its queues' lock rows before the registry shows them to a running dispatcher: a claim of a
    // queue whose row is missing creates it too, and on H2 the two inserts raced (a unique key
    // violation out of register).
    queues.prepare(definition);
    registry.add(definition);
    upgrade.remember(definition.graph());
    if (dispatcher.isRunning()) {
      listenIfQueued();
      dispatch.workQueued(); // its queued steps may be waiting for a node that knows it
    }
    WorkflowClient client =
        new DefaultWorkflowClient(
            definition, this, repo, codec, waiters, starter, executor, control, watchers);
    schedules.add(schedulesOf, client);
    return client;
  }

  /**
   * Keeps an older definition of a registered workflow, for the runs that started with its graph
   * version; it starts no runs of its own.
   */
  public void registerPrevious(WorkflowDefinition definition) {
    registry.addPrevious(definition);
    upgrade.remember(definition.graph());
  }

  /** Where the engine reads "now". */
  Clock clock() {
    return clock;
  }

  /** The engine's database, as given or as the engine created it. */
  public DataSource dataSource() {
    return database.dataSource();
  }

  /** What the registered workflows' steps and schedules have to do now, by the engine's clock. */
  public Workload workload() {
    return workload.read(clock.instant(), registry.names());
  }

  /**
   * The clock jumped forward: the leases of the steps running here are extended first, so that none
   * looks expired by the skipped time; then the step deadlines, and the threads that sleep until
   * something is due by the clock (the dispatcher for retries, the timers, the schedules), look
   * again now instead of sleeping out a wait computed before the jump.
   */
  private void clockJumped() {
    leases.extendNow();
    time.jumped();
    dispatch.workQueued();
    timers.wake();
    schedules.wake();
  }

  /** The cron schedules: listed, paused, resumed and triggered on the stored rows. */
  public Schedules schedules() {
    return scheduleCalls;
  }

  /** Starts the dispatcher, heartbeat and sweeper; runs queued before are picked up. */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("engine is closed");
    }
    upgrade.rememberPending();
    leases.start();
    listenIfQueued();
    dispatcher.start();
    timers.start();
    schedules.start();
    retention.start();
    if (clock instanceof ClockJumps jumps) {
      jumps.addJumpListener(onClockJump);
    }
    log.info("Stepwise node {} started with {} workers", config.nodeId(), config.workers());
  }

  /** A node with queues hears when another node frees one of their slots. */
  private void listenIfQueued() {
    if (queues.inUse()) {
      notifier.listen();
    }
  }

  /**
   * Another node changed {@code runId} (PostgreSQL NOTIFY): wake waiters and watches here; or it
   * freed a slot of a queue, which this node's waiting steps may take.
   */
  private void changedElsewhere(String runId) {
    if (runId.startsWith(QueueWork.NOTICE)) {
      queues.freedElsewhere(runId.substring(QueueWork.NOTICE.length()));
      return;
    }
    changes.changedElsewhere(runId);
  }

  /** The registered definition of a workflow, for child runs of other workflows. */
  Optional<WorkflowDefinition> definition(String workflow) {
    return registry.find(workflow);
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
    if (clock instanceof ClockJumps jumps) {
      jumps.removeJumpListener(onClockJump);
    }
    try {
      schedules.stop(); // first: a tick it fired now would start a run on a closing engine
      retention.stop(config.shutdownTimeout());
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

package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Registry;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.observe.Observers;
import dev.stepwise.runtime.internal.store.TaskQueue;
import dev.stepwise.runtime.internal.store.TaskQueue.Claimed;
import dev.stepwise.runtime.spi.StepSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that claims queued steps for free workers. It sleeps on a {@link DispatchSignal} with
 * a timeout of min(poll interval, earliest known retry time): local events wake it at once, the
 * poll finds work queued by other nodes, and it never spins.
 */
public final class Dispatcher implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final TaskQueue queue;
  private final Registry registry;
  private final WorkerPool pool;
  private final EngineConfig config;
  private final Clock clock;
  private final DispatchSignal signal;
  private final Consumer<Task> worker;
  private final QueueWork queues;
  private final LoopThread loop;
  private final OutageLog outages = new OutageLog(log, "Claiming steps");
  private final Observers observers;

  /**
   * @param worker runs a claimed step on a worker thread, and the steps it leads to
   */
  public Dispatcher(
      TaskQueue queue,
      Registry registry,
      WorkerPool pool,
      DispatchSignal signal,
      QueueWork queues,
      Consumer<Task> worker,
      EngineConfig config,
      Clock clock,
      Observers observers) {
    this.observers = observers;
    this.queues = queues;
    this.queue = queue;
    this.registry = registry;
    this.pool = pool;
    this.signal = signal;
    this.worker = worker;
    this.config = config;
    this.clock = clock;
    this.loop = new LoopThread("stepwise-dispatcher-" + config.nodeId(), this, signal::raise);
  }

  public void start() {
    loop.start();
  }

  public boolean isRunning() {
    return loop.running();
  }

  public void stop() throws InterruptedException {
    loop.stop(LoopThread.joinTimeout(config.pollInterval()));
  }

  @Override
  public void run() {
    while (loop.running()) {
      boolean more = false;
      try {
        more = claimBatch();
        outages.succeeded();
      } catch (RuntimeException | Error e) {
        // An Error too: a dead dispatcher leaves every queued step of this node unclaimed.
        outages.failed(e);
      }
      if (more) {
        continue;
      }
      try {
        signal.await(config.pollInterval(), clock);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Claims as many due steps as there are free workers; true if it should claim again now. */
  private boolean claimBatch() {
    Set<String> workflows = registry.names();
    if (workflows.isEmpty() || !loop.running()) {
      return false;
    }
    queues.admit(); // needs no worker: it only lets queued runs' first steps be claimed
    int room = pool.tryAcquire(config.workers());
    if (room == 0) {
      queues.tellOthers(); // slots freed here that this node has no worker to fill
      signal.hungry(true); // a freed worker wakes us
      return false;
    }
    List<Task> tasks;
    try {
      long before = System.nanoTime();
      Instant now = clock.instant();
      List<Claimed> rows = queue.claimRows(config.nodeId(), now, config.lease(), room, workflows);
      if (!observers.isEmpty()) {
        observers.stepsClaimed(null, rows.size(), Duration.ofNanos(System.nanoTime() - before));
        ClaimWaits.report(observers, null, rows, now);
      }
      tasks = new ArrayList<>(queue.tasks(rows, this::needsNoOutputs));
      tasks.addAll(queues.claim(room - tasks.size(), workflows, this::needsNoOutputs));
    } catch (RuntimeException | Error e) {
      pool.releaseQuietly(room);
      throw e;
    }
    pool.releaseQuietly(room - tasks.size());
    for (Task t : tasks) {
      pool.execute(t, worker);
    }
    boolean hungry = tasks.size() == room;
    signal.hungry(hungry);
    return hungry && pool.available() > 0;
  }

  /**
   * Whether a claimed step needs no upstream outputs read with its claim: a root reads none; an
   * element of a fan-out reads its own element and what it takes on demand ({@link ElementReads}),
   * since the run's outputs include every finished element of the fan-out. An unknown step counts
   * as neither, so it is given every output.
   */
  private boolean needsNoOutputs(String workflow, String stepId) {
    return Ids.isItem(stepId)
        || registry
            .find(workflow)
            .flatMap(d -> d.graph().step(stepId))
            .map(StepSpec::isRoot)
            .orElse(false);
  }
}

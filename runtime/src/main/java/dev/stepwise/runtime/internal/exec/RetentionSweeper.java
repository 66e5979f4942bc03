package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.Registry;
import dev.stepwise.runtime.internal.store.RetentionRows;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the finished runs of this node's registered workflows once their retention has passed
 * ({@code @Workflow(retention)}, else the engine's default): a round deletes one batch per
 * workflow, then the timer brings the next round. While rounds find full batches, the pause after
 * each is {@link #PAUSE_FACTOR} times the round's own duration, so that deleting takes at most a
 * tenth of one connection's time and live work keeps the database; once nothing is left, the next
 * look is {@link #IDLE} later.
 */
public final class RetentionSweeper {
  private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

  /** Runs deleted per transaction: small enough that no batch holds locks or the log for long. */
  static final int BATCH = 500;

  /** The pause after a full round, in multiples of that round's time. */
  static final int PAUSE_FACTOR = 9;

  static final Duration MIN_PAUSE = Duration.ofMillis(50);

  /** How long after an empty round (or one another node had the lock for) it looks again. */
  static final Duration IDLE = Duration.ofMinutes(1);

  private final OutageLog outages = new OutageLog(log, "Deleting expired runs");
  private final RetentionRows rows;
  private final Registry registry;
  private final EngineConfig config;
  private final Clock clock;
  private ScheduledThreadPoolExecutor timer;
  private boolean lockEnsured;

  public RetentionSweeper(RetentionRows rows, Registry registry, EngineConfig config, Clock clock) {
    this.rows = rows;
    this.registry = registry;
    this.config = config;
    this.clock = clock;
  }

  /** Starts the rounds; the first at once, so runs that expired while no node ran go first. */
  public synchronized void start() {
    if (timer != null) {
      return;
    }
    timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "stepwise-retention-" + config.nodeId());
              t.setDaemon(true);
              return t;
            });
    // A close lets a batch in progress commit (an interrupt could break an H2 file's channel), but
    // drops the rounds not yet due.
    timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    timer.execute(this::round);
  }

  /** Stops the rounds, waiting up to {@code join} for a batch in progress to commit. */
  public void stop(Duration join) throws InterruptedException {
    ScheduledThreadPoolExecutor t;
    synchronized (this) {
      t = timer;
      timer = null;
    }
    if (t != null) {
      t.shutdown();
      t.awaitTermination(join.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void round() {
    Duration next = IDLE;
    try {
      long started = System.nanoTime();
      if (sweep()) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        next = max(MIN_PAUSE, took.multipliedBy(PAUSE_FACTOR));
      }
      outages.succeeded();
    } catch (RuntimeException | Error e) {
      outages.failed(e); // the next round tries again; a dead timer would never delete again
    }
    schedule(next);
  }

  /** One batch per workflow with a retention; true if some batch was full, so more may be left. */
  private boolean sweep() {
    boolean more = false;
    for (String workflow : registry.names()) {
      Optional<Duration> keep = retentionOf(workflow);
      if (keep.isEmpty()) {
        continue;
      }
      if (!lockEnsured) {
        rows.ensureLock();
        lockEnsured = true;
      }
      int deleted = rows.deleteBatch(workflow, clock.instant().minus(keep.get()), BATCH);
      if (deleted == RetentionRows.LOCKED) {
        return false; // another node is deleting; it goes on until nothing is left
      }
      if (deleted > 0) {
        log.debug("Deleted {} finished run(s) of {} older than {}", deleted, workflow, keep.get());
      }
      more |= deleted >= BATCH;
    }
    return more;
  }

  private Optional<Duration> retentionOf(String workflow) {
    Optional<Duration> own = registry.find(workflow).flatMap(WorkflowDefinition::retention);
    return own.isPresent() ? own : Optional.ofNullable(config.retention());
  }

  private synchronized void schedule(Duration delay) {
    if (timer == null) {
      return; // stopped
    }
    try {
      timer.schedule(this::round, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // stopped meanwhile
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}

package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.commit.Permits;
import dev.stepwise.runtime.internal.model.Rows;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The node's worker threads, with one permit per thread: a step is leased to this node only after a
 * permit was taken for it, so a leased step never waits in a queue for a thread.
 */
public final class WorkerPool implements Permits {
  private final Semaphore permits;
  private final ExecutorService threads;
  private final DispatchSignal dispatch;
  private volatile boolean accepting = true;

  /**
   * @param dispatch told whenever permits come back, so the dispatcher claims for them
   */
  public WorkerPool(int workers, String nodeId, DispatchSignal dispatch) {
    this.permits = new Semaphore(workers);
    this.dispatch = dispatch;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "stepwise-worker-" + nodeId + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.threads = Executors.newFixedThreadPool(workers, factory);
  }

  /** Takes up to {@code max} permits without waiting; 0 once the pool is shutting down. */
  @Override
  public int tryAcquire(int max) {
    int got = 0;
    while (accepting && got < max && permits.tryAcquire()) {
      got++;
    }
    return got;
  }

  /** False once the pool is shutting down: no step may be leased to this node any more. */
  @Override
  public boolean accepting() {
    return accepting;
  }

  int available() {
    return permits.availablePermits();
  }

  /** Gives back permits and tells the dispatcher there is room. */
  void release(int n) {
    if (n > 0) {
      permits.release(n);
      dispatch.capacityFreed();
    }
  }

  /** Gives back permits the caller itself just failed to use (the dispatcher). */
  @Override
  public void releaseQuietly(int n) {
    if (n > 0) {
      permits.release(n);
    }
  }

  /** Runs {@code work} on a worker thread; the caller has taken one permit for it. */
  public void execute(Rows.Task task, Consumer<Rows.Task> work) {
    try {
      threads.execute(() -> work.accept(task));
    } catch (RejectedExecutionException e) {
      // Shutting down: the step stays leased to this node until its lease expires, then another
      // node (or this one after a restart) runs it.
      permits.release();
    }
  }

  /** Stops taking work and waits up to {@code timeout} for running steps; true if all finished. */
  public boolean shutdown(Duration timeout) throws InterruptedException {
    accepting = false;
    threads.shutdown();
    // No shutdownNow(): interrupting a step would record its InterruptedException as a failure.
    // A step still running keeps its lease until it expires, then another node runs it again and
    // this one's late result is dropped by the fenced update.
    return threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}

package dev.stepwise.runtime.internal.commit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit: workers that finish steps at the same time share one transaction. A worker queues
 * its item; if no transaction is being committed it becomes the leader and commits everything
 * queued, its own item included; otherwise it sleeps until the leader has committed its item, or
 * until it is nudged to lead the next group. Alone, a worker commits its own item at once: no
 * hand-off, no timer, so one-at-a-time latency does not change.
 *
 * @param <T> an item
 * @param <R> what committing it returns to the worker
 */
final class CommitQueue<T, R> {
  /** An item and the worker waiting for it. */
  static final class Pending<T, R> {
    final T item;
    final CompletableFuture<R> result = new CompletableFuture<>();
    private final Semaphore wake = new Semaphore(0);

    Pending(T item) {
      this.item = item;
    }

    void wake() {
      wake.release();
    }
  }

  private final ConcurrentLinkedQueue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock leader = new ReentrantLock();
  private final int maxGroup;
  private final Consumer<List<Pending<T, R>>> commit;

  /**
   * @param commit commits a group and completes every item's result (normally or exceptionally)
   */
  CommitQueue(int maxGroup, Consumer<List<Pending<T, R>>> commit) {
    this.maxGroup = maxGroup;
    this.commit = commit;
  }

  /** Queues {@code item} and returns once it is committed; rethrows its failure. */
  R submit(T item) {
    Pending<T, R> mine = new Pending<>(item);
    // Queue first, then try to lead: a leader looks at the queue after it lets go of the lock,
    // so between the two of us someone always sees this item.
    queue.add(mine);
    boolean interrupted = false;
    try {
      while (!mine.result.isDone()) {
        if (leader.tryLock()) {
          try {
            List<Pending<T, R>> group = drain();
            if (!group.isEmpty()) {
              commitAndWake(group);
            }
          } finally {
            leader.unlock();
          }
          Pending<T, R> next = queue.peek();
          if (next != null) {
            next.wake(); // items queued while we committed: their owner leads the next group
          }
        } else {
          try {
            mine.wake.acquire();
          } catch (InterruptedException e) {
            interrupted = true; // the item is queued: it must be seen through
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      return mine.result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // as if the worker had committed it itself
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private List<Pending<T, R>> drain() {
    List<Pending<T, R>> group = new ArrayList<>();
    Pending<T, R> p;
    while (group.size() < maxGroup && (p = queue.poll()) != null) {
      group.add(p);
    }
    return group;
  }

  private void commitAndWake(List<Pending<T, R>> group) {
    try {
      commit.accept(group);
    } catch (RuntimeException | Error e) {
      group.forEach(p -> p.result.completeExceptionally(e));
    } finally {
      for (Pending<T, R> p : group) {
        if (!p.result.isDone()) {
          p.result.completeExceptionally(
              new IllegalStateException("group commit left an item without a result"));
        }
        p.wake();
      }
    }
  }
}

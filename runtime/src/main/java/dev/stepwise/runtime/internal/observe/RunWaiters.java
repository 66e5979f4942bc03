package dev.stepwise.runtime.internal.observe;

import dev.stepwise.runtime.RunStatus;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Wakes threads waiting for a run when this node commits a change of it, so {@code await} is pushed
 * rather than polled; changes made by other nodes are seen by the waiters' slow re-read.
 */
public final class RunWaiters {
  private final ConcurrentMap<String, CompletableFuture<RunStatus>> byRun =
      new ConcurrentHashMap<>();

  // Futures of run handles, held weakly: a handle the caller dropped takes its entry with it.
  private final ConcurrentMap<String, HandleRef> handles = new ConcurrentHashMap<>();
  private final ReferenceQueue<CompletableFuture<RunStatus>> droppedHandles =
      new ReferenceQueue<>();

  /**
   * The future completed by the next change of {@code runId}. Take it before reading the run's
   * state, so a change committed in between is not missed. Its value is the run's final status, its
   * child runs' steps included, when the commit that completed it finished the run successfully and
   * knew every step row (a SUCCEEDED run never changes again, so that status cannot be stale), else
   * {@code null}: read the run.
   */
  public CompletableFuture<RunStatus> next(String runId) {
    return byRun.computeIfAbsent(runId, id -> new CompletableFuture<>());
  }

  /**
   * A future for a run handle made now: the commit on this node that finishes {@code runId}
   * successfully completes it with the run's final status, so the handle's {@code await} and {@code
   * status} need no read afterwards. It is never completed otherwise (a run that settled another
   * way first, such as suspended, failed or cancelled; a run finished by another node; or a second
   * handle for the same run made later): the handle reads the run then. Held weakly here, so it
   * lives only as long as the handle does. Only a status of {@code workflow} completes it, as a
   * handle is typed for its workflow.
   */
  public CompletableFuture<RunStatus> successOf(String runId, String workflow) {
    expungeDroppedHandles();
    CompletableFuture<RunStatus> future = new CompletableFuture<>();
    handles.put(runId, new HandleRef(runId, workflow, future, droppedHandles));
    return future;
  }

  /** How many handles' entries are held (their runs have not settled, or were not seen to). */
  int handlesHeld() {
    expungeDroppedHandles();
    return handles.size();
  }

  private void expungeDroppedHandles() {
    for (Reference<?> r; (r = droppedHandles.poll()) != null; ) {
      HandleRef dropped = (HandleRef) r;
      handles.remove(dropped.runId, dropped);
    }
  }

  /**
   * True if a thread waits for the next change of {@code runId}, or a handle may take its final
   * status: then the commit that finishes it builds that status complete, child runs included.
   */
  public boolean isAwaited(String runId) {
    return byRun.containsKey(runId) || handles.containsKey(runId);
  }

  /** Drops a future nobody waits on any more (it may be replaced already). */
  public void forget(String runId, CompletableFuture<RunStatus> future) {
    byRun.remove(runId, future);
  }

  /** Wakes the waiters of a run another node changed. */
  public void wake(String runId) {
    wake(runId, null);
  }

  /**
   * Wakes the waiters of a run whose change was committed, here or on another node; {@code
   * succeeded} is its final status if this node's commit finished it successfully, else null.
   */
  public void wake(String runId, RunStatus succeeded) {
    expungeDroppedHandles();
    // First, so whoever the waiters below wake sees the handle completed too. Any settled change
    // ends the handle's entry: it is completed only by a success, and a handle whose run settled
    // otherwise (suspended, failed) reads the run, so a suspended run keeps nothing here.
    HandleRef handle = handles.remove(runId);
    CompletableFuture<RunStatus> forHandle = handle == null ? null : handle.get();
    if (forHandle != null && succeeded != null && handle.workflow.equals(succeeded.workflow())) {
      forHandle.complete(succeeded);
    }
    CompletableFuture<RunStatus> f = byRun.remove(runId);
    if (f != null) {
      f.complete(succeeded);
    }
  }

  private static final class HandleRef extends WeakReference<CompletableFuture<RunStatus>> {
    final String runId;
    final String workflow;

    HandleRef(
        String runId,
        String workflow,
        CompletableFuture<RunStatus> future,
        ReferenceQueue<CompletableFuture<RunStatus>> queue) {
      super(future, queue);
      this.runId = runId;
      this.workflow = workflow;
    }
  }
}

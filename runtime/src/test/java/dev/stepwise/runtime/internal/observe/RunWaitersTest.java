package dev.stepwise.runtime.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A run handle's future is completed only by a success this node committed, of its workflow. */
class RunWaitersTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static RunStatus succeeded(String runId, String workflow) {
    return new RunStatus(runId, workflow, Status.SUCCEEDED, List.of(), null, null, T, T);
  }

  @Test
  void aHandleIsCompletedWithTheStatusOfTheCommitThatFinishedItsRun() {
    RunWaiters waiters = new RunWaiters();
    CompletableFuture<RunStatus> handle = waiters.successOf("r1", "orders");
    RunStatus done = succeeded("r1", "orders");

    waiters.wake("r1", done);

    assertThat(handle.getNow(null)).isSameAs(done);
  }

  @Test
  void aRunThatSettledOtherwiseFirstLeavesTheHandleToReadEvenAfterItSucceeds() {
    RunWaiters waiters = new RunWaiters();
    CompletableFuture<RunStatus> handle = waiters.successOf("r1", "orders");

    waiters.wake("r1"); // suspended, failed, or anything that needs a read
    // Nothing is kept for the run any more (a suspended run holds no memory); once resumed and
    // finished, the handle reads it.
    waiters.wake("r1", succeeded("r1", "orders"));

    assertThat(handle).isNotDone();
  }

  @Test
  void aStatusOfAnotherRunOrAnotherWorkflowDoesNotCompleteTheHandle() {
    RunWaiters waiters = new RunWaiters();
    CompletableFuture<RunStatus> handle = waiters.successOf("r1", "orders");

    waiters.wake("r2", succeeded("r2", "orders"));
    waiters.wake("r1", succeeded("r1", "invoices"));

    assertThat(handle).isNotDone();
  }

  @Test
  void theWaitersOfARunSeeItsHandleCompletedWhenTheyWake() {
    RunWaiters waiters = new RunWaiters();
    CompletableFuture<RunStatus> handle = waiters.successOf("r1", "orders");
    CompletableFuture<Boolean> handleDoneWhenWoken =
        waiters.next("r1").thenApply(status -> handle.isDone());

    waiters.wake("r1", succeeded("r1", "orders"));

    assertThat(handleDoneWhenWoken.getNow(false)).isTrue();
  }

  @Test
  void aHandleTheCallerDroppedLeavesNothingBehind() throws InterruptedException {
    RunWaiters waiters = new RunWaiters();
    waiters.successOf("r1", "orders"); // dropped at once
    CompletableFuture<RunStatus> kept = waiters.successOf("r2", "orders");

    // A full collection clears the dropped future; the JVM then queues its reference on a thread
    // of its own, so wait for that with a bound.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (waiters.handlesHeld() > 1 && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(10);
    }

    assertThat(waiters.handlesHeld()).isEqualTo(1);
    waiters.wake("r2", succeeded("r2", "orders"));
    assertThat(kept).isDone();
    assertThat(waiters.handlesHeld()).isZero();
  }

  /** The finishing commit builds a complete status (child runs' steps included) only if awaited. */
  @Test
  void aRunWithAHandleCountsAsAwaitedUntilItSettles() {
    RunWaiters waiters = new RunWaiters();
    CompletableFuture<RunStatus> handle = waiters.successOf("r1", "orders");

    assertThat(waiters.isAwaited("r1")).isTrue();
    assertThat(waiters.isAwaited("r2")).isFalse();

    waiters.wake("r1", succeeded("r1", "orders"));
    assertThat(handle).isDone();
    assertThat(waiters.isAwaited("r1")).isFalse();
  }
}

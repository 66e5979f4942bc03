package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.StepTimeoutException;
import dev.stepwise.runtime.internal.model.Signal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * Runs a step that has a {@code @Step(timeout)} on a thread of its own, so that the worker can stop
 * waiting at the deadline: the step's thread is interrupted and the worker records the timeout (a
 * failed attempt, retried per the policy) and is free for the next step. A step that ignores the
 * interrupt keeps its own thread until it returns; its result is then dropped. The deadline is real
 * time, plus, on a clock that jumps (a test's), the time the jumps skipped.
 */
final class StepDeadline {
  private static final AtomicInteger THREADS = new AtomicInteger();

  // Shared by every engine of the JVM: threads live only while a timed step runs.
  private static final ExecutorService TIMED =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "stepwise-timed-step-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private StepDeadline() {}

  /** Calls {@code body}, failing with {@link StepTimeoutException} after {@code timeout}. */
  static Object call(String stepId, Duration timeout, Callable<Object> body, JumpingTime time)
      throws Exception {
    // The step logs with the run and step ids of the worker that started it.
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    Signal finished = new Signal();
    CompletableFuture<Object> result = new CompletableFuture<>();
    // Started, and woken by jumps, before the step runs: a jump as soon as it started counts.
    JumpingTime.Stopwatch watch = time.jumps() ? time.start() : null;
    if (watch != null) {
      time.wakeOnJumps(finished);
    }
    Future<?> task =
        TIMED.submit(
            () -> {
              if (mdc != null) {
                MDC.setContextMap(mdc);
              }
              try {
                result.complete(body.call());
              } catch (Throwable e) {
                result.completeExceptionally(e);
              } finally {
                MDC.clear();
                finished.raise(); // after the result is set, so the waiter finds it done
              }
            });
    try {
      return watch != null
          ? awaitJumping(result, timeout, watch, finished)
          : result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new StepTimeoutException(
          "Step \"" + stepId + "\" ran longer than its timeout of " + timeout + " and was stopped");
    } catch (InterruptedException e) {
      // The worker is being shut down: stop the step too.
      task.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    } finally {
      if (watch != null) {
        time.stopWaking(finished);
      }
    }
  }

  /** Waits for {@code result} until the deadline, looking again whenever the clock jumps. */
  private static Object awaitJumping(
      CompletableFuture<Object> result,
      Duration timeout,
      JumpingTime.Stopwatch watch,
      Signal finished)
      throws InterruptedException, ExecutionException, TimeoutException {
    while (!result.isDone()) {
      Duration left = timeout.minus(watch.elapsed());
      if (left.isNegative() || left.isZero()) {
        throw new TimeoutException();
      }
      finished.await(left);
    }
    return result.get();
  }
}

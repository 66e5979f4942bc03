package dev.stepwise.bench;

import java.time.Duration;
import java.util.List;

/**
 * One engine under test, driven the way its users drive it. Every method blocks until the work it
 * started is durably finished and returns the workflows' outputs, which the harness checks.
 */
public interface Contestant extends AutoCloseable {

  /** "Stepwise", "DBOS" or "floor". */
  String name();

  /** The pool every statement of this contestant goes through, for counting. */
  CountingDataSource dataSource();

  /** Runs one 3-step sequential workflow and waits for it; returns its output. */
  String runSequential(String input);

  /** Starts all of {@code inputs} at once, then waits for every one; outputs in input order. */
  List<String> runSequentialBatch(List<String> inputs);

  /** Runs one fan-out workflow (1 -> 10 -> join) and waits for it. */
  String runFanOut(String input);

  /**
   * Starts one approval workflow per input and returns once each has reached its suspension point
   * (or, for an engine that keeps waiting workflows in memory, once it cannot take more).
   */
  void suspendAll(List<String> inputs);

  /** Resumes every suspended workflow with {@code decision} and waits for all to finish. */
  List<String> resumeAll(String decision);

  /** Whether the engine has a queue with a concurrency limit, for (q); the floor has none. */
  default boolean hasQueue() {
    return false;
  }

  /**
   * Enqueues one single-step workflow per input on a queue of concurrency {@link
   * QueueProbe#CONCURRENCY}, each step {@link QueueProbe#step}, calling {@code probe.enqueued()} as
   * each enqueue returns; then waits for all. Outputs in input order.
   */
  default List<String> runQueued(List<String> inputs, QueueProbe probe) {
    throw new UnsupportedOperationException(name() + " has no queue");
  }

  /** How the queue of (q) is set up, for the log. */
  default String queueSettings() {
    return "";
  }

  /** Whether the engine has dynamic fan-out over a list, for (p); only Stepwise's @Parallel. */
  default boolean hasParallel() {
    return false;
  }

  /**
   * Runs one dynamic fan-out workflow over {@code size} elements (a list step, one task per
   * element, a join of their results; {@link ParallelWork}) and waits for it; returns its output.
   */
  default String runParallel(String input, int size) {
    throw new UnsupportedOperationException(name() + " has no dynamic fan-out");
  }

  /** Adds {@code count} finished sequential runs straight into the tables (bulk SQL). */
  void seedFinishedRuns(int count);

  /** Whether the engine deletes old finished runs itself, for (r). */
  default boolean hasRetention() {
    return false;
  }

  /**
   * Adds {@code count} sequential runs that finished {@code age} ago (bulk SQL), for (r); runs in
   * the tables already are left as they are.
   */
  default void seedOldRuns(int count, Duration age) {
    throw new UnsupportedOperationException(name() + " has no retention");
  }

  /** How many of the runs {@link #seedOldRuns} added are still in the tables. */
  default long oldRuns() {
    throw new UnsupportedOperationException(name() + " has no retention");
  }

  /**
   * From now on deletes finished runs older than {@code keep} (null: keeps them forever), as an
   * engine restarted with that setting would.
   */
  default void retention(Duration keep) {
    throw new UnsupportedOperationException(name() + " has no retention");
  }

  @Override
  void close();
}

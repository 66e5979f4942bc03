package dev.stepwise.runtime.internal.model;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The stored shapes the engine works with, decoupled from jOOQ's generated records. */
public final class Rows {
  private Rows() {}

  /** A row of {@code sw_runs}. */
  public record RunRow(
      String id,
      String workflow,
      String graphVersion,
      Status status,
      String input,
      String idempotencyKey,
      String failedStep,
      StepError error,
      Instant createdAt,
      Instant updatedAt,
      Instant finishedAt) {

    /** This run as the transaction that finishes it successfully at {@code at} leaves it. */
    public RunRow succeededAt(Instant at) {
      return new RunRow(
          id,
          workflow,
          graphVersion,
          Status.SUCCEEDED,
          input,
          idempotencyKey,
          failedStep,
          error,
          createdAt,
          at,
          at);
    }
  }

  /** A row of {@code sw_steps}. */
  public record StepRow(
      String runId,
      String stepId,
      Status status,
      int attempts,
      String output,
      StepError error,
      String suspendReason,
      String resumePayload,
      Instant startedAt,
      Instant finishedAt) {}

  /** A step row to insert. */
  public record NewStep(
      String runId,
      String stepId,
      String workflow,
      Status status,
      int attempts,
      String leaseOwner,
      Instant leaseUntil,
      Instant startedAt,
      Instant finishedAt,
      long version,
      String queue) {

    /** A step queued for any node to claim; {@code queue} is the queue it waits for, or null. */
    public static NewStep pending(String runId, String stepId, String workflow, String queue) {
      return new NewStep(
          runId, stepId, workflow, Status.PENDING, 0, null, null, null, null, 0L, queue);
    }

    /** A step the run will not execute (its condition was false, or its join cannot run). */
    public static NewStep skipped(
        String runId, String stepId, String workflow, Instant now, String queue) {
      return new NewStep(
          runId, stepId, workflow, Status.SKIPPED, 0, null, null, null, now, 0L, queue);
    }

    /** A root step of a run waiting for its workflow's slot (maxParallelism). */
    public static NewStep queued(String runId, String stepId, String workflow, String queue) {
      return new NewStep(
          runId, stepId, workflow, Status.QUEUED, 0, null, null, null, null, 0L, queue);
    }

    /** A step inserted already claimed by {@code owner}: attempt 1, version 1, leased. */
    public static NewStep leased(
        String runId, String stepId, String workflow, String owner, Instant now, Duration lease) {
      return new NewStep(
          runId, stepId, workflow, Status.RUNNING, 1, owner, now.plus(lease), now, null, 1L, null);
    }
  }

  /**
   * What a worker needs to execute a step without another read: the run's graph version, status and
   * input and its steps' outputs, known when this node just wrote the run and read with a claim.
   *
   * @param outputs the JSON output of every succeeded step, by step id
   */
  public record Snapshot(
      String graphVersion, Status runStatus, String input, Map<String, String> outputs) {}

  /**
   * A step this node holds the lease of and must execute.
   *
   * @param version the row version the lease was taken at; every later write is fenced on it
   * @param item the element of a fan-out element's row, as its claim read it (null otherwise, and
   *     for a row written before rows carried their element)
   */
  public record Task(
      String runId,
      String stepId,
      String workflow,
      int attempt,
      long version,
      String resumePayload,
      String item,
      Snapshot snapshot) {

    public Task {
      // Every task comes with its snapshot, from the claim or from the commit that leased it, so a
      // worker never reads the run again before executing.
      Objects.requireNonNull(snapshot, "snapshot");
    }

    /** A task that is not a fan-out element (or whose element is read from its row). */
    public Task(
        String runId,
        String stepId,
        String workflow,
        int attempt,
        long version,
        String resumePayload,
        Snapshot snapshot) {
      this(runId, stepId, workflow, attempt, version, resumePayload, null, snapshot);
    }
  }
}

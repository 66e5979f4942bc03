package dev.stepwise.runtime.internal;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import java.time.Instant;
import java.util.Map;

/** The stored shapes the engine works with, decoupled from jOOQ's generated records. */
final class Rows {
  private Rows() {}

  /** A row of {@code sw_runs}. */
  record RunRow(
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
      Instant finishedAt) {}

  /** A row of {@code sw_steps}. */
  record StepRow(
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
  record NewStep(
      String runId,
      String stepId,
      String workflow,
      Status status,
      int attempts,
      String leaseOwner,
      Instant leaseUntil,
      Instant startedAt,
      Instant finishedAt,
      long version) {}

  /**
   * What a worker needs to execute a step without another read: known when this node just wrote the
   * run, absent (null) after a claim.
   *
   * @param outputs the JSON output of every succeeded step, by step id
   */
  record Snapshot(
      String graphVersion, Status runStatus, String input, Map<String, String> outputs) {}

  /**
   * A step this node holds the lease of and must execute.
   *
   * @param version the row version the lease was taken at; every later write is fenced on it
   */
  record Task(
      String runId,
      String stepId,
      String workflow,
      int attempt,
      long version,
      String resumePayload,
      Snapshot snapshot) {}
}

package dev.stepwise.chaos;

import dev.stepwise.chaos.SoakDb.RunRow;
import dev.stepwise.chaos.SoakDb.Snapshot;
import dev.stepwise.chaos.SoakDb.StepRow;
import dev.stepwise.chaos.WorkerJvm.Life;
import dev.stepwise.chaos.flow.Job;
import dev.stepwise.chaos.flow.QueuedFlow;
import dev.stepwise.chaos.flow.SoakLimited;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the database says about the runs the soak started, once they had their time to finish: how
 * many succeeded, failed or were lost, how often the transactional step wrote per run, and how many
 * step executions the faults caused.
 *
 * @param started runs the engine acknowledged
 * @param unfinished acknowledged runs not finished when the drain ended
 * @param missing acknowledged runs with no row at all
 * @param unknown runs in the database the soak never acknowledged (a start whose answer was lost)
 * @param exactlyOnce succeeded runs with exactly one ledger row
 * @param noWrite succeeded runs without a ledger row
 * @param duplicated runs with more than one ledger row
 * @param maxWrites the most ledger rows of one run
 * @param orphanWrites ledger rows of runs the soak never acknowledged
 * @param reExecutions step executions beyond the first, over all steps of the acknowledged runs
 * @param designed of those, the retries of steps that fail once by design
 * @param faultReExecutionsByStep the others (caused by faults), per step id
 * @param failures failed or cancelled runs by step and error, with one run id each
 * @param lostSamples a few lost runs with their status
 * @param latencies start-to-finish of each succeeded run, sorted
 * @param queued acknowledged runs of {@code soak-queued}
 * @param queuedSucceeded of those, the succeeded ones
 * @param unrecordedSlots succeeded queued runs with a limited step that has no ended execution
 * @param slots the check of the queue's global limit from the steps' own intervals
 */
record Verdict(
    int started,
    int succeeded,
    int failed,
    int cancelled,
    int unfinished,
    int missing,
    int unknown,
    int exactlyOnce,
    int noWrite,
    int duplicated,
    int maxWrites,
    int orphanWrites,
    long reExecutions,
    long designed,
    Map<String, Long> faultReExecutionsByStep,
    Map<String, Failure> failures,
    List<String> lostSamples,
    List<Duration> latencies,
    int queued,
    int queuedSucceeded,
    int unrecordedSlots,
    SlotCheck.Result slots) {

  /** Runs that failed the same way: how many, and one of them. */
  record Failure(int count, String sampleRunId) {}

  int lost() {
    return unfinished + missing;
  }

  long faultReExecutions() {
    return reExecutions - designed;
  }

  /**
   * @param lives every worker JVM the soak started, by node id
   * @param lease the workers' lease
   */
  static Verdict judge(
      Map<String, Job> acknowledged, Snapshot db, Map<String, Life> lives, Duration lease) {
    SlotCheck.Result slots = SlotCheck.check(db.slots(), lives, lease, SoakLimited.LIMIT, db.at());
    int queued = 0;
    int queuedSucceeded = 0;
    int unrecordedSlots = 0;
    int succeeded = 0;
    int failed = 0;
    int cancelled = 0;
    int unfinished = 0;
    int missing = 0;
    int exactlyOnce = 0;
    int noWrite = 0;
    int duplicated = 0;
    int maxWrites = 0;
    Map<String, Failure> failures = new TreeMap<>();
    List<String> lost = new ArrayList<>();
    List<Duration> latencies = new ArrayList<>();
    for (Map.Entry<String, Job> e : acknowledged.entrySet()) {
      String id = e.getKey();
      RunRow run = db.runs().get(id);
      int writes = db.writes().getOrDefault(id, 0);
      maxWrites = Math.max(maxWrites, writes);
      if (writes > 1) {
        duplicated++;
      }
      if (run == null) {
        missing++;
        sample(lost, id + " (missing)");
        continue;
      }
      boolean isQueued = QueuedFlow.WORKFLOW.equals(run.workflow());
      if (isQueued) {
        queued++;
      }
      switch (run.status()) {
        case "SUCCEEDED":
          succeeded++;
          if (isQueued) {
            queuedSucceeded++;
            if (!QueuedFlow.LIMITED.stream()
                .allMatch(step -> slots.endedSteps().contains(id + "/" + step))) {
              unrecordedSlots++;
              sample(lost, id + " (succeeded without a recorded slot)");
            }
          }
          if (writes == 1) {
            exactlyOnce++;
          } else if (writes == 0) {
            noWrite++;
          }
          if (run.finished() != null) {
            latencies.add(Duration.between(run.created(), run.finished()));
          }
          break;
        case "FAILED":
        case "CANCELLED":
          if (run.status().equals("FAILED")) {
            failed++;
          } else {
            cancelled++;
          }
          failures.merge(
              failureKey(run),
              new Failure(1, id),
              (a, b) -> new Failure(a.count() + 1, a.sampleRunId()));
          break;
        default:
          unfinished++;
          sample(lost, id + " (" + run.status() + ")");
      }
    }
    latencies.sort(null);
    int unknown = 0;
    for (String id : db.runs().keySet()) {
      if (id.startsWith("soak-") && !acknowledged.containsKey(id)) {
        unknown++;
      }
    }
    int orphans = 0;
    for (Map.Entry<String, Integer> w : db.writes().entrySet()) {
      if (!acknowledged.containsKey(w.getKey())) {
        orphans += w.getValue();
      }
    }
    long reExecutions = 0;
    long designed = 0;
    Map<String, Long> byStep = new TreeMap<>();
    for (StepRow s : db.steps()) {
      Job job = acknowledged.get(s.runId());
      if (job == null || s.attempts() <= 1) {
        continue;
      }
      long beyond = s.attempts() - 1L;
      reExecutions += beyond;
      if (job.failFirst().equals(s.stepId())) {
        designed++;
        beyond--;
      }
      if (beyond > 0) {
        byStep.merge(s.stepId(), beyond, Long::sum);
      }
    }
    return new Verdict(
        acknowledged.size(),
        succeeded,
        failed,
        cancelled,
        unfinished,
        missing,
        unknown,
        exactlyOnce,
        noWrite,
        duplicated,
        maxWrites,
        orphans,
        reExecutions,
        designed,
        byStep,
        failures,
        lost,
        latencies,
        queued,
        queuedSucceeded,
        unrecordedSlots,
        slots);
  }

  /** What is wrong, one line each; empty when the soak passed. */
  List<String> problems() {
    List<String> p = new ArrayList<>();
    if (lost() > 0) {
      p.add(lost() + " lost run(s): " + unfinished + " unfinished, " + missing + " missing");
    }
    if (failed > 0) {
      p.add(failed + " failed run(s), though no step of these workflows fails for good by design");
    }
    if (cancelled > 0) {
      p.add(cancelled + " cancelled run(s), though the soak cancels none");
    }
    if (duplicated > 0) {
      p.add(
          duplicated
              + " run(s) whose transactional step wrote more than once (max "
              + maxWrites
              + ")");
    }
    if (noWrite > 0) {
      p.add(noWrite + " succeeded run(s) without the transactional step's write");
    }
    if (orphanWrites > 0) {
      p.add(orphanWrites + " ledger row(s) of runs the soak never started");
    }
    if (slots.exceeded()) {
      p.add(
          String.format(
              "queue %s: %d executions alive at %s, over its limit of %d: %s",
              SoakLimited.NAME,
              slots.maxAlive(),
              slots.maxAt(),
              slots.limit(),
              String.join("; ", slots.atMax())));
    }
    if (slots.open() > 0) {
      p.add(
          slots.open()
              + " execution(s) of the limited steps without an end on a JVM that still ran");
    }
    if (unrecordedSlots > 0) {
      p.add(unrecordedSlots + " succeeded queued run(s) with a limited step that recorded no end");
    }
    return p;
  }

  private static String failureKey(RunRow run) {
    String message = run.errorMessage() == null ? "" : run.errorMessage().strip();
    int nl = message.indexOf('\n');
    message = nl < 0 ? message : message.substring(0, nl);
    message = message.length() > 160 ? message.substring(0, 160) + "..." : message;
    return run.status() + " at " + run.failedStep() + ": " + run.errorType() + ": " + message;
  }

  private static void sample(List<String> samples, String s) {
    if (samples.size() < 5) {
      samples.add(s);
    }
  }
}

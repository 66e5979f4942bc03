package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;
import static dev.stepwise.runtime.internal.store.StepStore.checkOne;
import static dev.stepwise.runtime.internal.store.StepStore.fenced;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.db.tables.SwSteps;
import dev.stepwise.runtime.internal.db.tables.records.SwStepsRecord;
import dev.stepwise.runtime.internal.model.Rows.Snapshot;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.model.StepKey;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record11;
import org.jooq.Row2;
import org.jooq.UpdateSetFirstStep;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/**
 * The step rows seen as a queue of tasks: claiming due steps, putting failed ones back with a
 * delay, and the leases (heartbeat and sweeper). None of these statements takes a run lock.
 */
public final class TaskQueue {
  // The claim's CTE columns, named apart from the table's so they need no qualifier: the schema
  // mapping would qualify "due" with the engine's schema, where no such table exists.
  private static final Field<String> DUE_RUN_ID = DSL.field(DSL.name("due_run_id"), String.class);
  private static final Field<String> DUE_STEP_ID = DSL.field(DSL.name("due_step_id"), String.class);

  private final DSLContext dsl;
  private final Claim claim;

  /**
   * @param claim how this database takes due rows (one statement on PostgreSQL; select then update
   *     elsewhere), from its {@code Dialect}
   */
  public TaskQueue(DSLContext dsl, Claim claim) {
    this.dsl = dsl;
    this.claim = claim;
  }

  /**
   * Claims up to {@code limit} due steps of the given workflows for {@code owner}, oldest first;
   * other nodes' claims skip the rows this one takes, never wait for them. Each task comes with its
   * snapshot: the run's graph version, status and input read with the claim, and for a step that is
   * not a root ({@code isRoot} false) the outputs of its run's succeeded steps, read for all such
   * tasks with one statement. A root reads nothing upstream, so a claim of roots is one statement
   * on PostgreSQL.
   *
   * @param isRoot whether a step (workflow, step id) has no predecessors, so needs no outputs
   */
  public List<Task> claim(
      String owner,
      Instant now,
      Duration lease,
      int limit,
      Collection<String> workflows,
      BiPredicate<String, String> isRoot) {
    return tasks(claimRows(owner, now, lease, limit, workflows), isRoot);
  }

  /** As {@link #claim}, the rows alone: {@link #tasks} turns them into tasks. */
  public List<Claimed> claimRows(
      String owner, Instant now, Duration lease, int limit, Collection<String> workflows) {
    return claim.claim(owner, now, lease, limit, workflows);
  }

  /**
   * The tasks of rows claimed by this node, each with its snapshot: for a step that is not a root,
   * the outputs of its run's succeeded steps, read for all of them with one statement.
   */
  public List<Task> tasks(List<Claimed> claimed, BiPredicate<String, String> isRoot) {
    if (claimed.isEmpty()) {
      return List.of();
    }
    Set<String> needOutputs = new HashSet<>();
    for (Claimed c : claimed) {
      if (!isRoot.test(c.workflow(), c.stepId())) {
        needOutputs.add(c.runId());
      }
    }
    Map<String, Map<String, String>> outputs = outputs(needOutputs);
    List<Task> tasks = new ArrayList<>(claimed.size());
    for (Claimed c : claimed) {
      Snapshot snapshot =
          new Snapshot(
              c.graphVersion(),
              c.runStatus(),
              c.input(),
              outputs.getOrDefault(c.runId(), Map.of()));
      tasks.add(
          new Task(
              c.runId(),
              c.stepId(),
              c.workflow(),
              c.attempt(),
              c.version(),
              c.resumePayload(),
              c.item(),
              snapshot));
    }
    return tasks;
  }

  /** A claimed step row joined with its run, before the upstream outputs are added. */
  public record Claimed(
      String runId,
      String stepId,
      String workflow,
      int attempt,
      long version,
      String resumePayload,
      String item,
      String graphVersion,
      Status runStatus,
      String input,
      Instant due) {

    /**
     * A claimed row as both claims select it: run, step, workflow, attempts, version, resume
     * payload, element (a fan-out element's, else null), then the run's graph version, status and
     * input, then the step's due time.
     */
    public static Claimed of(
        Record11<
                String,
                String,
                String,
                Integer,
                Long,
                String,
                String,
                String,
                String,
                String,
                OffsetDateTime>
            r) {
      return new Claimed(
          r.value1(),
          r.value2(),
          r.value3(),
          r.value4(),
          r.value5(),
          r.value6(),
          r.value7(),
          r.value8(),
          Status.valueOf(r.value9()),
          r.value10(),
          SqlValues.instant(r.value11()));
    }
  }

  /**
   * What a claim writes on the rows it takes, on both databases: RUNNING, leased to {@code owner},
   * one attempt more, started now, a new version for the fenced writes that follow.
   */
  public static UpdateSetMoreStep<SwStepsRecord> leased(
      UpdateSetFirstStep<SwStepsRecord> update, String owner, Instant now, Duration lease) {
    return update
        .set(SW_STEPS.STATUS, DSL.inline(Status.RUNNING.name()))
        .set(SW_STEPS.LEASE_OWNER, owner)
        .set(SW_STEPS.LEASE_UNTIL, odt(now.plus(lease)))
        .set(SW_STEPS.ATTEMPTS, SW_STEPS.ATTEMPTS.plus(DSL.inline(1)))
        .set(SW_STEPS.STARTED_AT, odt(now))
        .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(DSL.inline(1L)));
  }

  /**
   * Due PENDING rows of the given workflows that wait for no queue (a queue's rows are taken by its
   * own claim, {@link QueueClaim}). The status is rendered as a literal, not bound: only then can
   * PostgreSQL use the partial index {@code sw_steps_ready_ix} ({@code WHERE status = 'PENDING' AND
   * queue IS NULL}, V11) for every execution, generic plans included.
   */
  public static Condition dueCondition(Instant now, Collection<String> workflows) {
    return SW_STEPS
        .STATUS
        .eq(DSL.inline(Status.PENDING.name()))
        .and(SW_STEPS.QUEUE.isNull())
        .and(SW_STEPS.NOT_BEFORE.le(odt(now)))
        .and(SW_STEPS.WORKFLOW.in(workflows));
  }

  /**
   * The outputs of the succeeded steps of these runs, by run and step id (SQL NULL for void steps),
   * in one statement; read after the claim, as a worker would read them before executing.
   */
  private Map<String, Map<String, String>> outputs(Set<String> runIds) {
    if (runIds.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<String, String>> byRun = new HashMap<>();
    dsl.select(SW_STEPS.RUN_ID, SW_STEPS.STEP_ID, SW_STEPS.OUTPUT)
        .from(SW_STEPS)
        .where(
            SW_STEPS.RUN_ID.in(runIds).and(SW_STEPS.STATUS.eq(DSL.inline(Status.SUCCEEDED.name()))))
        .forEach(
            r ->
                byRun
                    .computeIfAbsent(r.value1(), k -> new HashMap<>())
                    .put(r.value2(), r.value3()));
    return byRun;
  }

  /**
   * Puts a failed step back in the queue until {@code notBefore}; fenced like {@code
   * StepStore.finishStep}.
   */
  public int retryStep(Task task, String owner, StepError error, Instant notBefore, Instant now) {
    // With the attempt's error kept (StepErrorRows) in the same transaction: a failure path, so
    // the two statements cost nothing a step that succeeds pays.
    return dsl.transactionResult(
        cfg -> {
          DSLContext tx = cfg.dsl();
          int n =
              tx.update(SW_STEPS)
                  .set(SW_STEPS.STATUS, Status.PENDING.name())
                  .set(SW_STEPS.NOT_BEFORE, odt(notBefore))
                  .set(SW_STEPS.ERROR_TYPE, error.type())
                  .set(SW_STEPS.ERROR_MESSAGE, error.message())
                  .set(SW_STEPS.ERROR_STACK, error.stackTrace())
                  .set(SW_STEPS.LEASE_OWNER, (String) null)
                  .set(SW_STEPS.LEASE_UNTIL, (OffsetDateTime) null)
                  .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
                  .where(fenced(task, owner))
                  .execute();
          if (checkOne(n, task) == 1) {
            StepErrorRows.record(tx, task.runId(), task.stepId(), task.attempt(), error, now);
          }
          return n;
        });
  }

  /**
   * Extends the leases of the steps this node is executing: one statement per heartbeat. A row
   * another transaction holds is skipped, not waited for: that transaction is recording the step's
   * outcome, so its lease no longer matters, and waiting for it while holding the locks of the
   * other rows is how a heartbeat and a group commit that locked the same rows in another order
   * deadlocked.
   */
  public int extendLeases(String owner, Instant until, List<StepKey> steps) {
    if (steps.isEmpty()) {
      return 0;
    }
    List<Row2<String, String>> keys = new ArrayList<>(steps.size());
    steps.forEach(k -> keys.add(DSL.row(k.runId(), k.stepId())));
    // The SELECT reads the table under another name, so that its columns are its own.
    SwSteps free = SW_STEPS.as("free");
    return dsl.update(SW_STEPS)
        .set(SW_STEPS.LEASE_UNTIL, odt(until))
        .where(
            DSL.row(SW_STEPS.RUN_ID, SW_STEPS.STEP_ID)
                .in(
                    DSL.select(free.RUN_ID, free.STEP_ID)
                        .from(free)
                        .where(
                            free.LEASE_OWNER
                                .eq(owner)
                                .and(free.STATUS.eq(Status.RUNNING.name()))
                                .and(DSL.row(free.RUN_ID, free.STEP_ID).in(keys)))
                        .forUpdate()
                        .skipLocked()))
        .execute();
  }

  /**
   * Puts a step whose outcome could not be recorded (the database failed the engine's own writes)
   * back in the queue, due now, and gives back the attempt its claim counted: the step did not
   * fail, the bookkeeping did. Fenced: 0 if the lease was lost or the outcome was committed after
   * all.
   */
  public int putBack(Task task, String owner, Instant now) {
    int n =
        dsl.update(SW_STEPS)
            .set(SW_STEPS.STATUS, Status.PENDING.name())
            .set(SW_STEPS.NOT_BEFORE, odt(now))
            .set(SW_STEPS.ATTEMPTS, SW_STEPS.ATTEMPTS.minus(1))
            .set(SW_STEPS.LEASE_OWNER, (String) null)
            .set(SW_STEPS.LEASE_UNTIL, (OffsetDateTime) null)
            .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
            .where(fenced(task, owner).and(SW_STEPS.STATUS.eq(Status.RUNNING.name())))
            .execute();
    return checkOne(n, task);
  }

  /** Extends one step's lease; false if this node lost it. */
  public boolean extendLease(Task task, String owner, Instant until) {
    int n =
        dsl.update(SW_STEPS)
            .set(SW_STEPS.LEASE_UNTIL, odt(until))
            .where(fenced(task, owner))
            .execute();
    return checkOne(n, task) == 1;
  }

  /** Moves RUNNING steps whose lease expired back to PENDING, so another node can take them. */
  public int sweepExpired(Instant now) {
    return sweepQuery(now).execute();
  }

  /**
   * The sweeper's statement (package-private for the test of its plan). A literal status, so
   * PostgreSQL can use the partial index {@code sw_steps_running_ix} (V4).
   */
  Query sweepQuery(Instant now) {
    return dsl.update(SW_STEPS)
        .set(SW_STEPS.STATUS, DSL.inline(Status.PENDING.name()))
        .set(SW_STEPS.LEASE_OWNER, (String) null)
        .set(SW_STEPS.LEASE_UNTIL, (OffsetDateTime) null)
        .set(SW_STEPS.NOT_BEFORE, odt(now))
        .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
        .where(
            SW_STEPS
                .STATUS
                .eq(DSL.inline(Status.RUNNING.name()))
                .and(SW_STEPS.LEASE_UNTIL.lt(odt(now))));
  }
}

package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.spi.FlowControl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Admits QUEUED runs of a workflow with {@code maxParallelism}: a run holds a slot from admission
 * until it ends (suspended and waiting runs keep theirs, as a run that is half done would otherwise
 * interleave with the next one of the same key). Admission holds the workflow's row lock in {@code
 * sw_queues}, so that no two nodes hand out the same slot, and makes the admitted runs and their
 * root rows PENDING for the claims.
 */
public final class RunGate {
  /** Queued runs read per admission when a per-key limit may pass some of them over. */
  private static final int KEYED_SCAN = 1000;

  // Statuses of a run that holds a slot; literals, as PostgreSQL's partial index names them (V11).
  private static final List<String> ACTIVE =
      List.of(
          Status.PENDING.name(),
          Status.RUNNING.name(),
          Status.SUSPENDED.name(),
          Status.WAITING.name());

  private final DSLContext dsl;

  public RunGate(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The lock row's name of a workflow's run limit; '/' is in no queue name. */
  public static String lockName(String workflow) {
    return "workflow/" + workflow;
  }

  /** Admits as many queued runs of {@code workflow} as its limits allow; returns how many. */
  public int admit(String workflow, FlowControl flow, Instant now) {
    return dsl.transactionResult(cfg -> admit(cfg.dsl(), workflow, flow, now));
  }

  private static int admit(DSLContext tx, String workflow, FlowControl flow, Instant now) {
    QueueClaim.lock(tx, lockName(workflow));
    int active = 0;
    Map<String, Integer> byKey = new HashMap<>();
    for (var r :
        tx.select(SW_RUNS.CONCURRENCY_KEY)
            .from(SW_RUNS)
            .where(SW_RUNS.WORKFLOW.eq(workflow).and(SW_RUNS.STATUS.in(inline(ACTIVE))))
            .fetch()) {
      active++;
      if (r.value1() != null) {
        byKey.merge(r.value1(), 1, Integer::sum);
      }
    }
    int free = flow.maxParallelism() > 0 ? flow.maxParallelism() - active : Integer.MAX_VALUE;
    if (free <= 0) {
      return 0;
    }
    boolean keyed = flow.maxParallelismPerKey() > 0;
    List<String> admitted = new ArrayList<>();
    for (var r :
        tx.select(SW_RUNS.ID, SW_RUNS.CONCURRENCY_KEY)
            .from(SW_RUNS)
            .where(
                SW_RUNS
                    .WORKFLOW
                    .eq(workflow)
                    .and(SW_RUNS.STATUS.eq(DSL.inline(Status.QUEUED.name()))))
            .orderBy(SW_RUNS.PRIORITY.desc(), SW_RUNS.CREATED_AT, SW_RUNS.ID)
            .limit(keyed ? KEYED_SCAN : Math.min(free, KEYED_SCAN))
            .fetch()) {
      String key = r.value2();
      if (keyed && key != null && byKey.getOrDefault(key, 0) >= flow.maxParallelismPerKey()) {
        continue;
      }
      if (key != null) {
        byKey.merge(key, 1, Integer::sum);
      }
      admitted.add(r.value1());
      if (admitted.size() == free) {
        break;
      }
    }
    if (admitted.isEmpty()) {
      return 0;
    }
    tx.update(SW_RUNS)
        .set(SW_RUNS.STATUS, DSL.inline(Status.PENDING.name()))
        .set(SW_RUNS.UPDATED_AT, odt(now))
        .set(SW_RUNS.VERSION, SW_RUNS.VERSION.plus(1L))
        .where(SW_RUNS.ID.in(admitted).and(SW_RUNS.STATUS.eq(DSL.inline(Status.QUEUED.name()))))
        .execute();
    tx.update(SW_STEPS)
        .set(SW_STEPS.STATUS, DSL.inline(Status.PENDING.name()))
        .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1L))
        .where(
            SW_STEPS.RUN_ID.in(admitted).and(SW_STEPS.STATUS.eq(DSL.inline(Status.QUEUED.name()))))
        .execute();
    return admitted.size();
  }

  private static List<Field<String>> inline(List<String> values) {
    List<Field<String>> literals = new ArrayList<>();
    values.forEach(v -> literals.add(DSL.inline(v)));
    return literals;
  }
}

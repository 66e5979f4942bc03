package dev.stepwise.runtime.internal.store.dialect;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.TaskQueue.dueCondition;
import static dev.stepwise.runtime.internal.store.TaskQueue.leased;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.store.Claim;
import dev.stepwise.runtime.internal.store.TaskQueue.Claimed;
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
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.jooq.Record8;
import org.jooq.Result;
import org.jooq.Row2;
import org.jooq.impl.DSL;

/** The claim in portable SQL (H2): select {@code FOR UPDATE SKIP LOCKED}, then update. */
final class PortableClaim implements Claim {
  private final DSLContext dsl;

  PortableClaim(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  /**
   * H2, which has no UPDATE … FROM … RETURNING: select with {@code FOR UPDATE SKIP LOCKED}, update
   * those rows, read their runs, in one transaction.
   */
  public List<Claimed> claim(
      String owner, Instant now, Duration lease, int limit, Collection<String> workflows) {
    return dsl.transactionResult(
        cfg -> {
          DSLContext tx = cfg.dsl();
          Result<Record8<String, String, String, Integer, Long, String, String, OffsetDateTime>>
              due =
                  tx.select(
                          SW_STEPS.RUN_ID,
                          SW_STEPS.STEP_ID,
                          SW_STEPS.WORKFLOW,
                          SW_STEPS.ATTEMPTS,
                          SW_STEPS.VERSION,
                          SW_STEPS.RESUME_PAYLOAD,
                          SW_STEPS.ITEM,
                          SW_STEPS.NOT_BEFORE)
                      .from(SW_STEPS)
                      .where(dueCondition(now, workflows))
                      .orderBy(SW_STEPS.NOT_BEFORE)
                      .limit(limit)
                      .forUpdate()
                      .skipLocked()
                      .fetch();
          if (due.isEmpty()) {
            return List.of();
          }
          List<Row2<String, String>> keys = new ArrayList<>(due.size());
          Set<String> runIds = new HashSet<>();
          for (var r : due) {
            keys.add(DSL.row(r.value1(), r.value2()));
            runIds.add(r.value1());
          }
          // The rows are locked by this transaction, so no version check is needed here.
          leased(tx.update(SW_STEPS), owner, now, lease)
              .where(DSL.row(SW_STEPS.RUN_ID, SW_STEPS.STEP_ID).in(keys))
              .execute();
          Map<String, Record4<String, String, String, String>> runs = new HashMap<>();
          tx.select(SW_RUNS.ID, SW_RUNS.GRAPH_VERSION, SW_RUNS.STATUS, SW_RUNS.INPUT)
              .from(SW_RUNS)
              .where(SW_RUNS.ID.in(runIds))
              .forEach(r -> runs.put(r.value1(), r));
          List<Claimed> claimed = new ArrayList<>(due.size());
          for (var r : due) {
            // The foreign key (ON DELETE CASCADE) keeps a step row from outliving its run.
            var run = runs.get(r.value1());
            claimed.add(
                new Claimed(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4() + 1,
                    r.value5() + 1,
                    r.value6(),
                    r.value7(),
                    run.value2(),
                    Status.valueOf(run.value3()),
                    run.value4(),
                    r.value8() == null ? null : r.value8().toInstant()));
          }
          return claimed;
        });
  }
}

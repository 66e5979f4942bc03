package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;

import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Reads the child runs that descend from a run, found by the family's root_id and id prefix. */
public final class ChildRunRows {
  private ChildRunRows() {}

  /** The ids of every run that descends from {@code runId}. */
  public static List<String> descendantIds(DSLContext dsl, String runId) {
    return dsl.select(SW_RUNS.ID).from(SW_RUNS).where(descendantsOf(runId)).fetch(SW_RUNS.ID);
  }

  /** The step rows of every run that descends from {@code runId}, by run and start time. */
  public static List<StepRow> descendantSteps(DSLContext dsl, String runId) {
    return dsl.select(SW_STEPS.fields())
        .from(SW_STEPS)
        .join(SW_RUNS)
        .on(SW_RUNS.ID.eq(SW_STEPS.RUN_ID))
        .where(descendantsOf(runId))
        .orderBy(SW_STEPS.RUN_ID, SW_STEPS.STARTED_AT)
        .fetchInto(SW_STEPS)
        .map(StepStore::step);
  }

  /**
   * The runs of {@code runId}'s family that descend from it: through the root_id index, then the id
   * prefix among the family (a top-level run's family are all its descendants).
   */
  private static Condition descendantsOf(String runId) {
    Condition family = SW_RUNS.ROOT_ID.eq(Ids.familyOf(runId));
    return Ids.rootOf(runId) == null ? family : family.and(SW_RUNS.ID.startsWith(runId + "/"));
  }
}

package dev.stepwise.runtime.internal;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;

import dev.stepwise.runtime.internal.Rows.RunRow;
import dev.stepwise.runtime.internal.Rows.StepRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * Reads a run for its status in ONE statement: the run row, its step rows and whether it has a
 * family of child runs (only then are their steps looked up), instead of a statement for each.
 */
final class RunReads {
  private final DSLContext dsl;

  RunReads(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * A run as read.
   *
   * @param mayHaveChildren false only if the run is known to have no child runs
   */
  record Read(RunRow run, List<StepRow> steps, boolean mayHaveChildren) {}

  Optional<Read> read(String runId) {
    String root = ChildRuns.rootOf(runId);
    Field<Boolean> family =
        DSL.field(
                DSL.exists(
                    DSL.selectOne()
                        .from(SW_RUNS.as("family"))
                        .where(SW_RUNS.as("family").ROOT_ID.eq(root == null ? runId : root))))
            .as("has_family");
    Result<Record> rows =
        dsl.select(SW_RUNS.fields())
            .select(SW_STEPS.fields())
            .select(family)
            .from(SW_RUNS)
            .leftJoin(SW_STEPS)
            .on(SW_STEPS.RUN_ID.eq(SW_RUNS.ID))
            .where(SW_RUNS.ID.eq(runId))
            .fetch();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    RunRow run = RunRepository.run(rows.get(0).into(SW_RUNS));
    List<StepRow> steps = new ArrayList<>(rows.size());
    for (Record r : rows) {
      if (r.get(SW_STEPS.STEP_ID) != null) {
        steps.add(RunRepository.step(r.into(SW_STEPS)));
      }
    }
    return Optional.of(new Read(run, steps, rows.get(0).get(family)));
  }
}

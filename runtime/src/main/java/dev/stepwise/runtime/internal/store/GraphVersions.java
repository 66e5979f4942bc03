package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_GRAPHS;
import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The SQL of changed code: the stored step fingerprints of each graph version ({@code sw_graphs}),
 * the step rows a run has, and moving a run to another graph version.
 */
public final class GraphVersions {
  private final DSLContext dsl;

  public GraphVersions(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Stores a version's fingerprints unless they are stored already: a version's graph never
   * changes, so the first node to register it writes the row, and the others change nothing.
   */
  public void saveIfAbsent(String workflow, String version, String stepsJson, Instant now) {
    dsl.insertInto(SW_GRAPHS)
        .set(SW_GRAPHS.WORKFLOW, workflow)
        .set(SW_GRAPHS.GRAPH_VERSION, version)
        .set(SW_GRAPHS.STEPS, stepsJson)
        .set(SW_GRAPHS.REGISTERED_AT, SqlValues.odt(now))
        .onDuplicateKeyIgnore()
        .execute();
  }

  /** The stored fingerprints (JSON) of a version, if a node registered it since V12. */
  public Optional<String> steps(String workflow, String version) {
    return dsl.select(SW_GRAPHS.STEPS)
        .from(SW_GRAPHS)
        .where(SW_GRAPHS.WORKFLOW.eq(workflow).and(SW_GRAPHS.GRAPH_VERSION.eq(version)))
        .fetchOptional(SW_GRAPHS.STEPS);
  }

  /** The ids of every step row of the run (element and iteration rows included). */
  public List<String> stepRowIds(DSLContext tx, String runId) {
    return tx.select(SW_STEPS.STEP_ID)
        .from(SW_STEPS)
        .where(SW_STEPS.RUN_ID.eq(runId))
        .fetch(SW_STEPS.STEP_ID);
  }

  /**
   * Moves a run, whose row the caller has locked, from graph version {@code from} to {@code to}.
   */
  public boolean moveRun(DSLContext tx, String runId, String from, String to, Instant now) {
    int n =
        tx.update(SW_RUNS)
            .set(SW_RUNS.GRAPH_VERSION, to)
            .set(SW_RUNS.UPDATED_AT, SqlValues.odt(now))
            .set(SW_RUNS.VERSION, SW_RUNS.VERSION.plus(1L))
            .where(SW_RUNS.ID.eq(runId).and(SW_RUNS.GRAPH_VERSION.eq(from)))
            .execute();
    if (n > 1) {
      throw new IllegalStateException("moving run " + runId + " updated " + n + " rows");
    }
    return n == 1;
  }
}

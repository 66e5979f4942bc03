package dev.stepwise.runtime.internal.store.dialect;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.Rows.NewStep;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.Snapshot;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.store.Database;
import dev.stepwise.testing.TestSchema;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writes of a chain's steps ({@link ChainWrites}), proven once per database. On PostgreSQL
 * sw_steps has no foreign key to sw_runs (V8): these tests prove that the writes themselves never
 * leave a step without its run, and that deleting a run still deletes its steps.
 */
abstract class ChainWritesContract {
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  static final String NODE = "node-1";

  protected String schema;
  protected DSLContext dsl;
  private ChainWrites writes;

  private TestSchema database;

  /** The database under test, which the class's {@code @StepwiseDatabase} names. */
  protected DataSource dataSource() {
    return database.dataSource();
  }

  @BeforeEach
  void migrate(TestSchema testSchema) {
    this.database = testSchema;
    schema = testSchema.name();
    Database migrated = new Database(dataSource(), null, schema);
    dsl = migrated.dsl();
    // The implementation the engine would pick for this database.
    writes = Dialect.of(migrated, NODE).chainWrites();
  }

  /** A run stored with its root leased to this node, and the task that runs the root. */
  private Task started(String runId) {
    RunRow run =
        new RunRow(runId, "w", "w-v1", Status.RUNNING, "{}", null, null, null, NOW, NOW, null);
    writes.start(run, NewStep.leased(runId, "one", "w", NODE, NOW, Duration.ofMinutes(1)), NOW);
    return new Task(
        runId, "one", "w", 1, 1L, null, new Snapshot("w-v1", Status.RUNNING, "{}", Map.of()));
  }

  private NewStep next(String runId) {
    return NewStep.leased(runId, "two", "w", NODE, NOW, Duration.ofMinutes(1));
  }

  private void delete(String runId) {
    dsl.deleteFrom(SW_STEPS).where(SW_STEPS.RUN_ID.eq(runId)).execute();
    dsl.deleteFrom(SW_RUNS).where(SW_RUNS.ID.eq(runId)).execute();
  }

  private int stepsOf(String runId) {
    return dsl.fetchCount(SW_STEPS, SW_STEPS.RUN_ID.eq(runId));
  }

  @Test
  void aStepRecordedInARunningRunInsertsItsSuccessorLeasedToThisNode() {
    Task one = started("r1");

    ChainWrites.Result r = writes.advance(one, NODE, "\"out\"", next("r1"), NOW);

    assertThat(r.kind()).isEqualTo(ChainWrites.Kind.ADVANCED);
    var rows = dsl.selectFrom(SW_STEPS).where(SW_STEPS.RUN_ID.eq("r1")).orderBy(SW_STEPS.STEP_ID);
    assertThat(rows.fetch(SW_STEPS.STATUS)).containsExactly("SUCCEEDED", "RUNNING");
    assertThat(rows.fetch(SW_STEPS.LEASE_OWNER)).containsExactly(null, NODE);
  }

  @Test
  void aStepOfARunDeletedMeanwhileIsDroppedAndStartsNothing() {
    Task one = started("r1");
    delete("r1");

    ChainWrites.Result r = writes.advance(one, NODE, "\"out\"", next("r1"), NOW);

    assertThat(r.kind()).isEqualTo(ChainWrites.Kind.LEASE_LOST);
    assertThat(stepsOf("r1")).isZero();
  }

  @Test
  void theLastStepOfARunDeletedMeanwhileFinishesNothing() {
    Task one = started("r1");
    delete("r1");

    ChainWrites.Result r = writes.finish(one, NODE, "\"out\"", NOW);

    assertThat(r.kind()).isEqualTo(ChainWrites.Kind.LEASE_LOST);
    assertThat(stepsOf("r1")).isZero();
    assertThat(dsl.fetchCount(SW_RUNS, SW_RUNS.ID.eq("r1"))).isZero();
  }

  @Test
  void aStepWhoseRowWasDeletedButNotItsRunInsertsNoSuccessor() {
    Task one = started("r1");
    dsl.deleteFrom(SW_STEPS).where(SW_STEPS.RUN_ID.eq("r1")).execute();

    ChainWrites.Result r = writes.advance(one, NODE, "\"out\"", next("r1"), NOW);

    assertThat(r.kind()).isEqualTo(ChainWrites.Kind.LEASE_LOST);
    assertThat(stepsOf("r1")).isZero();
  }

  @Test
  void deletingARunDeletesItsStepsAndItsRunningStepWritesNothingAfterwards() {
    Task one = started("r1");

    dsl.deleteFrom(SW_RUNS).where(SW_RUNS.ID.eq("r1")).execute(); // the run alone
    assertThat(stepsOf("r1")).isZero();
    ChainWrites.Result r = writes.advance(one, NODE, "\"out\"", next("r1"), NOW);

    assertThat(r.kind()).isEqualTo(ChainWrites.Kind.LEASE_LOST);
    assertThat(stepsOf("r1")).isZero();
  }
}

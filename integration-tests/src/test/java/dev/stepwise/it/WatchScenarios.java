package dev.stepwise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.it.flows.RetryFlow;
import dev.stepwise.it.flows.RetryFlow.Plan;
import dev.stepwise.it.flows.RetryFlowRunner;
import dev.stepwise.it.flows.SuspendFlow;
import dev.stepwise.it.flows.SuspendFlowRunner;
import dev.stepwise.runtime.RunChange;
import dev.stepwise.runtime.RunHandle;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.Watch;
import dev.stepwise.testing.Await;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Mastra's watch: every state change, in order, also for changes made by another node. */
interface WatchScenarios extends Scenario {

  @Test
  default void watchDeliversEveryStepChangeInOrderIncludingRetries() {
    Stepwise engine = engine();
    RetryFlowRunner runner = new RetryFlowRunner(engine, new RetryFlow());
    engine.start();

    List<RunChange> seen = new CopyOnWriteArrayList<>();
    RunHandle<?> run = runner.startAsync(new Plan(2, 1, false));
    Watch watch = runner.watch(run.runId(), seen::add);
    run.awaitCompletion(WAIT);
    Await.until("the run's final change is delivered", WAIT, () -> !watch.isActive());

    assertThat(of(seen, "flaky"))
        .containsExactly(
            "flaky RUNNING (attempt 1)",
            "flaky PENDING (attempt 1)",
            "flaky RUNNING (attempt 2)",
            "flaky PENDING (attempt 2)",
            "flaky RUNNING (attempt 3)",
            "flaky SUCCEEDED (attempt 3)");
    assertThat(of(seen, "strict"))
        .containsExactly(
            "strict RUNNING (attempt 1)",
            "strict PENDING (attempt 1)",
            "strict RUNNING (attempt 2)",
            "strict SUCCEEDED (attempt 2)");
    // flaky finished before strict started, and the run's finish is the last change.
    assertThat(seen.indexOf(find(seen, "flaky SUCCEEDED (attempt 3)")))
        .isLessThan(seen.indexOf(find(seen, "strict RUNNING (attempt 1)")));
    assertThat(seen.get(seen.size() - 1).toString()).isEqualTo("run SUCCEEDED");
  }

  @Test
  default void watchSeesASuspendAndTheResumeThatFollows() {
    Stepwise engine = engine();
    SuspendFlowRunner runner = new SuspendFlowRunner(engine, new SuspendFlow());
    engine.start();

    String runId = runner.start("owls").runId();
    List<RunChange> seen = new CopyOnWriteArrayList<>();
    Watch watch = runner.watch(runId, seen::add);
    Await.until(
        "the suspend is delivered", WAIT, () -> seen.stream().anyMatch(c -> c.isRunChange()));
    assertThat(of(seen, "draft"))
        .containsExactly("draft RUNNING (attempt 1)", "draft SUSPENDED (attempt 1)");
    assertThat(seen.get(seen.size() - 1).toString()).isEqualTo("run SUSPENDED");

    runner.resumeDraft(runId, "short");
    Await.until(
        "review's suspend is delivered",
        WAIT,
        () -> of(seen, "review").contains("review SUSPENDED (attempt 1)"));
    assertThat(of(seen, "draft"))
        .containsExactly(
            "draft RUNNING (attempt 1)",
            "draft SUSPENDED (attempt 1)",
            "draft PENDING (attempt 1)",
            "draft RUNNING (attempt 2)",
            "draft SUCCEEDED (attempt 2)");
    watch.close();
    assertThat(watch.isActive()).isFalse();
  }

  @Test
  default void aWatchOnAnotherNodeSeesTheChangesThisNodeMakes() {
    Stepwise worker = engine(b -> b.nodeId("worker"));
    RetryFlowRunner working = new RetryFlowRunner(worker, new RetryFlow());
    // The observer never starts: it executes nothing and learns of changes from the database.
    Stepwise observer = engine(b -> b.nodeId("observer"));
    RetryFlowRunner watching = new RetryFlowRunner(observer, new RetryFlow());
    worker.start();

    RunHandle<?> run = working.startAsync(new Plan(1, 0, false));
    List<RunChange> seen = new CopyOnWriteArrayList<>();
    Watch watch = watching.watch(run.runId(), seen::add);
    run.awaitCompletion(WAIT);
    Await.until("the observer saw the run finish", WAIT, () -> !watch.isActive());

    assertThat(of(seen, "flaky"))
        .containsExactly(
            "flaky RUNNING (attempt 1)",
            "flaky PENDING (attempt 1)",
            "flaky RUNNING (attempt 2)",
            "flaky SUCCEEDED (attempt 2)");
    assertThat(of(seen, "strict"))
        .containsExactly("strict RUNNING (attempt 1)", "strict SUCCEEDED (attempt 1)");
    assertThat(seen.get(seen.size() - 1).toString()).isEqualTo("run SUCCEEDED");
  }

  @Test
  default void awaitCompletionOnAnotherNodeReturnsWhenThisNodeFinishesTheRun() {
    Stepwise worker = engine(b -> b.nodeId("worker"));
    RetryFlowRunner working = new RetryFlowRunner(worker, new RetryFlow());
    Stepwise observer = engine(b -> b.nodeId("observer")); // never started
    RetryFlowRunner waiting = new RetryFlowRunner(observer, new RetryFlow());
    worker.start();

    RunHandle<?> run = working.startAsync(new Plan(0, 0, false));

    assertThat(waiting.awaitCompletion(run.runId(), WAIT).status()).isEqualTo(Status.SUCCEEDED);
  }

  private static List<String> of(List<RunChange> changes, String stepId) {
    return changes.stream()
        .filter(c -> stepId.equals(c.stepId()))
        .map(RunChange::toString)
        .toList();
  }

  private static RunChange find(List<RunChange> changes, String text) {
    return changes.stream().filter(c -> c.toString().equals(text)).findFirst().orElseThrow();
  }
}

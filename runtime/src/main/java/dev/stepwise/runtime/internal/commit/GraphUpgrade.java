package dev.stepwise.runtime.internal.commit;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stepwise.runtime.internal.json.JsonCodec;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.progress.GraphChanges;
import dev.stepwise.runtime.internal.store.GraphVersions;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.spi.StepFingerprint;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a run started under another graph version over to the deployed one when every step it has
 * reached is unchanged ({@link GraphChanges}), and records the new version on the run so the check
 * happens once; otherwise says why the run cannot go on.
 */
public final class GraphUpgrade {
  private static final Logger log = LoggerFactory.getLogger(GraphUpgrade.class);
  private static final TypeReference<Map<String, StepFingerprint>> STEPS = new TypeReference<>() {};

  private final GraphVersions versions;
  private final RunStore repo;
  private final JsonCodec codec;
  private final Clock clock;
  // A version's fingerprints never change once stored, so each is read at most once per node.
  private final Map<String, Map<String, StepFingerprint>> stored = new ConcurrentHashMap<>();
  private final Set<WorkflowGraph> pending = ConcurrentHashMap.newKeySet();

  public GraphUpgrade(GraphVersions versions, RunStore repo, JsonCodec codec, Clock clock) {
    this.versions = versions;
    this.repo = repo;
    this.codec = codec;
    this.clock = clock;
  }

  /**
   * Stores the graph's step fingerprints for nodes running later code (none if it has none). A
   * database that does not answer does not stop the registration: the graph is stored by {@link
   * #rememberPending}, when the engine starts.
   */
  public void remember(WorkflowGraph graph) {
    if (graph.fingerprints().isEmpty()) {
      return;
    }
    try {
      versions.saveIfAbsent(
          graph.name(), graph.version(), codec.write(graph.fingerprints()), clock.instant());
      pending.remove(graph);
    } catch (RuntimeException e) {
      pending.add(graph);
      log.warn(
          "Could not store the step fingerprints of workflow {} version {} yet; will try again"
              + " when the engine starts",
          graph.name(),
          graph.version(),
          e);
    }
  }

  /** Stores the graphs {@link #remember} could not store. */
  public void rememberPending() {
    for (WorkflowGraph graph : Set.copyOf(pending)) {
      remember(graph);
    }
  }

  /**
   * Moves the task's run to {@code deployed}'s version if it can go on under it; empty then,
   * otherwise the reason the run fails.
   */
  public Optional<String> carryOver(Task task, WorkflowGraph deployed) {
    String from = task.snapshot().graphVersion();
    Optional<Map<String, StepFingerprint>> started = fingerprints(task.workflow(), from);
    if (started.isEmpty() || deployed.fingerprints().isEmpty()) {
      return Optional.of(unknown(task, from, deployed));
    }
    return repo.inTransaction(
        tx -> {
          // Under the run lock, so no other node adds a step row between the check and the move.
          Optional<RunRow> run = repo.lockRun(tx, task.runId());
          if (run.isEmpty() || run.get().graphVersion().equals(deployed.version())) {
            return Optional.<String>empty(); // carried over already, by another worker
          }
          Set<String> reached = new HashSet<>();
          for (String rowId : versions.stepRowIds(tx, task.runId())) {
            reached.add(stepOf(rowId));
          }
          Optional<String> refusal = GraphChanges.refusal(started.get(), deployed, reached);
          if (refusal.isPresent()) {
            return Optional.of(refused(task, from, deployed, refusal.get()));
          }
          versions.moveRun(tx, task.runId(), from, deployed.version(), clock.instant());
          return Optional.<String>empty();
        });
  }

  /**
   * The step of a row: a fan-out element's ({@code s[i]}) or a finished iteration's ({@code s#k}).
   */
  private static String stepOf(String rowId) {
    String step = Ids.stepOf(rowId);
    int hash = step.indexOf('#');
    return hash < 0 ? step : step.substring(0, hash);
  }

  private Optional<Map<String, StepFingerprint>> fingerprints(String workflow, String version) {
    String key = workflow + '\n' + version;
    Map<String, StepFingerprint> known = stored.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    // Not cached when absent: a node of that version may still register it.
    Optional<Map<String, StepFingerprint>> read =
        versions.steps(workflow, version).map(json -> codec.read(json, STEPS));
    read.ifPresent(steps -> stored.put(key, Map.copyOf(steps)));
    return read;
  }

  private static String refused(Task task, String from, WorkflowGraph deployed, String why) {
    return "run "
        + task.runId()
        + " started with graph version "
        + from
        + " of workflow \""
        + task.workflow()
        + "\" and cannot go on under the deployed version "
        + deployed.version()
        + ": "
        + why;
  }

  /** Today's message, for a version whose step fingerprints nobody stored. */
  private static String unknown(Task task, String from, WorkflowGraph deployed) {
    return "run "
        + task.runId()
        + " started with graph version "
        + from
        + "; the deployed workflow \""
        + task.workflow()
        + "\" has version "
        + deployed.version()
        + ", so the run cannot go on under the deployed code";
  }
}

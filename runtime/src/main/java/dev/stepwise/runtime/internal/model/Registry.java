package dev.stepwise.runtime.internal.model;

import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.spi.QueueSpec;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The workflows registered on this node; the claim only takes steps of these. */
public final class Registry {
  private final Map<String, WorkflowDefinition> byName = new ConcurrentHashMap<>();
  // Step id -> queue name, per workflow: read for every step row a commit inserts.
  private final Map<String, Map<String, String>> queueByStep = new ConcurrentHashMap<>();
  // What the code declares, to find two declarations of one name that disagree; and what claims
  // use: the same, unless the engine's builder overrode a queue's limits.
  private final Map<String, QueueSpec> declared = new ConcurrentHashMap<>();
  private final Map<String, QueueSpec> queues = new ConcurrentHashMap<>();
  private final Map<String, String> queueDeclaredBy = new ConcurrentHashMap<>();
  private volatile Set<String> names = Set.of();
  // Read by the dispatcher on every round: kept up to date at registration, not rebuilt per read.
  private volatile List<WorkflowDefinition> runLimited = List.of();
  // Limits the engine's builder gives for queues the code declares (queueLimits), by name.
  private final Map<String, QueueSpec> overrides;

  /** A registry whose queues keep the limits their code declares. */
  public Registry() {
    this(Map.of());
  }

  /** A registry whose queues named in {@code overrides} take those limits instead. */
  public Registry(Map<String, QueueSpec> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  // Workflow name -> graph version -> an older definition kept for the runs that started with it.
  private final Map<String, Map<String, WorkflowDefinition>> previous = new ConcurrentHashMap<>();

  public synchronized void add(WorkflowDefinition definition) {
    String name = definition.graph().name();
    WorkflowDefinition before = byName.get(name);
    if (before != null && before != definition) {
      throw new StepwiseException(duplicate(name, before, definition));
    }
    if (before != null) {
      return;
    }
    // Checked before anything is added, so a refused definition leaves no trace.
    for (QueueSpec queue : definition.queues()) {
      QueueSpec known = declared.get(queue.name());
      if (known != null && !known.equals(queue)) {
        throw new StepwiseException(
            "Queue \""
                + queue.name()
                + "\" of workflow \""
                + name
                + "\" has other limits ("
                + queue
                + ") than the queue of that name workflow \""
                + queueDeclaredBy.get(queue.name())
                + "\" uses ("
                + known
                + "); one @Queue type per name");
      }
    }
    byName.put(name, definition);
    Map<String, String> steps = new HashMap<>();
    for (StepSpec step : definition.graph().steps()) {
      QueueSpec queue = step.options().queue();
      if (queue != null) {
        steps.put(step.id(), queue.name());
        declared.putIfAbsent(queue.name(), queue);
        queues.putIfAbsent(queue.name(), overrides.getOrDefault(queue.name(), queue));
        queueDeclaredBy.putIfAbsent(queue.name(), name);
      }
    }
    queueByStep.put(name, Map.copyOf(steps));
    // Copied once per registration so the dispatcher reads an immutable set on every claim.
    names = Set.copyOf(byName.keySet());
    if (definition.flowControl().limitsRuns()) {
      List<WorkflowDefinition> limited = new ArrayList<>(runLimited);
      limited.add(definition);
      runLimited = List.copyOf(limited);
    }
  }

  /**
   * The queue a step row of this workflow waits for, or null: the step's, for an element of a
   * fan-out the fanned-out step's.
   */
  public String queueOf(String workflow, String rowId) {
    Map<String, String> steps = queueByStep.get(workflow);
    if (steps == null || steps.isEmpty()) {
      return null;
    }
    return steps.get(Ids.isItem(rowId) ? Ids.stepOf(rowId) : rowId);
  }

  /** Every queue the registered workflows' steps wait for, with the limits claims use. */
  public Collection<QueueSpec> queues() {
    return queues.values();
  }

  /** The registered workflows whose runs wait for a slot ({@code maxParallelism}). */
  public List<WorkflowDefinition> runLimited() {
    return runLimited;
  }

  /**
   * Names both generated definitions (each named after its {@code @Workflow} class), so the message
   * says which two classes clash; the processor catches this only within one compilation.
   */
  private static String duplicate(
      String name, WorkflowDefinition before, WorkflowDefinition definition) {
    String first = before.getClass().getName();
    String second = definition.getClass().getName();
    if (first.equals(second)) {
      return "Workflow \""
          + name
          + "\" ("
          + first
          + ") is registered already on this engine; create one runner per workflow and engine"
          + " and share it";
    }
    return "Workflow name \""
        + name
        + "\" is registered already by "
        + first
        + ", so "
        + second
        + " cannot register it too; workflow names must be unique in an application, so rename"
        + " one of the two @Workflow classes' name";
  }

  public Optional<WorkflowDefinition> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Keeps an older definition of a registered workflow for the runs that started with its graph
   * version; new runs, and runs of every other version, use the definition registered with {@link
   * #add}.
   */
  public synchronized void addPrevious(WorkflowDefinition definition) {
    String name = definition.graph().name();
    String version = definition.graph().version();
    WorkflowDefinition current = byName.get(name);
    if (current == null) {
      throw new StepwiseException(
          "Register the current definition of workflow \""
              + name
              + "\" (its runner) before a previous version of it");
    }
    Map<String, WorkflowDefinition> versions =
        previous.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
    if (current.graph().version().equals(version) || versions.containsKey(version)) {
      throw new StepwiseException(
          "Workflow \""
              + name
              + "\" has a definition of graph version "
              + version
              + " registered already; a previous version must have a graph version of its own");
    }
    versions.put(version, definition);
  }

  /**
   * The definition a run of {@code name} started with graph {@code version} runs on: the previous
   * version kept for it, else the current definition.
   */
  public Optional<WorkflowDefinition> forRun(String name, String version) {
    Map<String, WorkflowDefinition> versions = previous.get(name);
    WorkflowDefinition kept = versions == null ? null : versions.get(version);
    return kept != null ? Optional.of(kept) : find(name);
  }

  /** Whether an older definition of the workflow is kept ({@link #addPrevious}). */
  public boolean hasPrevious(String name) {
    return previous.containsKey(name);
  }

  public Set<String> names() {
    return names;
  }
}

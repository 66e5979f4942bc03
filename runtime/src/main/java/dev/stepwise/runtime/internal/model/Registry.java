package dev.stepwise.runtime.internal.model;

import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The workflows registered on this node; the claim only takes steps of these. */
public final class Registry {
  private final Map<String, WorkflowDefinition> byName = new ConcurrentHashMap<>();
  private volatile Set<String> names = Set.of();

  public synchronized void add(WorkflowDefinition definition) {
    String name = definition.graph().name();
    WorkflowDefinition before = byName.putIfAbsent(name, definition);
    if (before != null && before != definition) {
      throw new StepwiseException(
          "A workflow named \"" + name + "\" is registered already; workflow names must be unique");
    }
    // Copied once per registration so the dispatcher reads an immutable set on every claim.
    names = Set.copyOf(byName.keySet());
  }

  public Optional<WorkflowDefinition> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Set<String> names() {
    return names;
  }
}

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
      throw new StepwiseException(duplicate(name, before, definition));
    }
    // Copied once per registration so the dispatcher reads an immutable set on every claim.
    names = Set.copyOf(byName.keySet());
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

  public Set<String> names() {
    return names;
  }
}

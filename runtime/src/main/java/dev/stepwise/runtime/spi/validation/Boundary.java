package dev.stepwise.runtime.spi.validation;

import java.util.Objects;

/**
 * A place where a value crosses into or out of a workflow and is validated: the workflow's input, a
 * step's output, a step's resume payload, or (once {@code @Event} exists) an event's payload.
 *
 * @param kind which kind of crossing
 * @param id the step id for outputs and resume payloads, the event name for events; empty for the
 *     input
 */
public record Boundary(Kind kind, String id) {

  /** The kinds of crossing. */
  public enum Kind {
    INPUT,
    OUTPUT,
    RESUME,
    EVENT
  }

  private static final Boundary INPUT = new Boundary(Kind.INPUT, "");

  public Boundary {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }

  /** The workflow's input. */
  public static Boundary input() {
    return INPUT;
  }

  /** The output of step {@code stepId}. */
  public static Boundary output(String stepId) {
    return new Boundary(Kind.OUTPUT, stepId);
  }

  /** The resume payload of step {@code stepId}. */
  public static Boundary resume(String stepId) {
    return new Boundary(Kind.RESUME, stepId);
  }

  /** The payload of event {@code name}. */
  public static Boundary event(String name) {
    return new Boundary(Kind.EVENT, name);
  }

  /** Whether a null value is refused: an output may be null, what callers send may not. */
  public boolean requiresValue() {
    return kind != Kind.OUTPUT;
  }

  /** What a violation message says was validated, like {@code output of step charge}. */
  public String describe(String workflow) {
    return switch (kind) {
      case INPUT -> "input of workflow " + workflow;
      case OUTPUT -> "output of step " + id;
      case RESUME -> "resume payload of step " + id;
      case EVENT -> "payload of event " + id;
    };
  }
}

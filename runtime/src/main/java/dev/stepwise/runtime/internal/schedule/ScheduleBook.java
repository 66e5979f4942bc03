package dev.stepwise.runtime.internal.schedule;

import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.internal.model.IdRules;
import dev.stepwise.runtime.spi.ScheduleSpec;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schedules of the workflows registered on this node, each with its parsed ticks and the client
 * that starts its runs. Every schedule is checked when its workflow registers, so a wrong cron
 * fails {@code register}, not a tick at night.
 */
final class ScheduleBook {
  /**
   * The longest tick a run id carries: {@code Instant.toString} with nanoseconds, as {@code
   * triggerNow} may give (years past 9999 would bring a {@code +}, but no cron reaches them).
   */
  private static final String LONGEST_TICK = "9999-12-31T23:59:59.999999999Z";

  /** A schedule registered here. */
  record Declared(ScheduleSpec spec, String workflow, CronTicks ticks) {
    String name() {
      return spec.name();
    }
  }

  private final Map<String, Declared> byName = new ConcurrentHashMap<>();
  private final Map<String, WorkflowClient> clients = new ConcurrentHashMap<>();
  private volatile Set<String> names = Set.of();

  /**
   * Checks the schedules of {@code definition} and returns them parsed, recording nothing: a {@link
   * StepwiseException} that names the schedule and its problem.
   */
  List<Declared> check(WorkflowDefinition definition) {
    String workflow = definition.graph().name();
    List<Declared> declared = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ScheduleSpec spec : definition.schedules()) {
      String where = "Schedule " + IdRules.quote(spec.name()) + " of workflow \"" + workflow + "\"";
      String idProblem = IdRules.runIdProblem(spec.name() + "@" + LONGEST_TICK);
      if (idProblem != null) {
        throw new StepwiseException(
            where
                + ": its runs' ids would be <name>@<tick>, and such an id "
                + idProblem
                + "; give the schedule a shorter name of letters, digits and - _ . :");
      }
      Declared other = byName.get(spec.name());
      if (!seen.add(spec.name()) || (other != null && !other.workflow().equals(workflow))) {
        throw new StepwiseException(
            where
                + ": the name is taken already"
                + (other != null ? " by workflow \"" + other.workflow() + "\"" : "")
                + "; schedule names must be unique in an application");
      }
      CronTicks ticks;
      try {
        ticks = CronTicks.parse(spec.cron(), spec.zone());
      } catch (IllegalArgumentException e) {
        throw new StepwiseException(where + ": " + e.getMessage(), e);
      }
      declared.add(new Declared(spec, workflow, ticks));
    }
    return declared;
  }

  /** Adds the schedules {@link #check} returned, of the workflow {@code client} starts. */
  synchronized void add(List<Declared> declared, WorkflowClient client) {
    for (Declared d : declared) {
      clients.put(d.workflow(), client);
      byName.put(d.name(), d);
    }
    // Copied once per registration, so each round of the keeper reads an immutable set.
    names = Set.copyOf(byName.keySet());
  }

  /** The client of a workflow with schedules registered here. */
  Optional<WorkflowClient> client(String workflow) {
    return Optional.ofNullable(clients.get(workflow));
  }

  Optional<Declared> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  Collection<Declared> all() {
    return List.copyOf(byName.values());
  }

  Set<String> names() {
    return names;
  }

  /** The id of the run schedule {@code name} starts for {@code tick}: a tick starts one run. */
  static String runId(String name, Instant tick) {
    return name + "@" + tick;
  }
}

package dev.stepwise.runtime.flows;

import dev.stepwise.runtime.spi.StepFingerprint;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One workflow, "changing", in as many versions as a test builds: each step returns its id, its
 * version's tag and its predecessors' outputs; {@code approve} suspends until resumed with a
 * String. Fingerprints are given by hand, as the processor would compute them.
 */
public final class ChangingFlow {
  /** Every step executed, as {@code tag:step}, across the versions of one test. */
  public final ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();

  /** A version under construction: steps with their fingerprints, in declaration order. */
  public static final class Version {
    private final String tag;
    private final List<StepSpec> steps = new ArrayList<>();
    private final Map<String, StepFingerprint> fingerprints = new LinkedHashMap<>();
    private boolean withFingerprints = true;

    public Version(String tag) {
      this.tag = tag;
    }

    /** prepare -> approve (suspends) -> ship, the shape every test starts from. */
    public static Version base(String tag) {
      return new Version(tag)
          .step("prepare", "String")
          .suspendable("approve", "prepare")
          .step("ship", "String", "approve");
    }

    /** A step with output type {@code output} reading its predecessors. */
    public Version step(String id, String output, String... after) {
      return add(Specs.step(id, after), fingerprint(output, after));
    }

    public Version suspendable(String id, String... after) {
      StepFingerprint f = fingerprint("String", after);
      return add(
          Specs.suspendable(id, after),
          new StepFingerprint(
              f.output(), f.inputs(), f.predecessors(), f.conditions(), "String", f.options()));
    }

    /** Replaces a step's fingerprint, as a change of its signature would. */
    public Version fingerprint(String id, StepFingerprint changed) {
      fingerprints.put(id, changed);
      return this;
    }

    public StepFingerprint fingerprintOf(String id) {
      return fingerprints.get(id);
    }

    public Version without(String id) {
      steps.removeIf(s -> s.id().equals(id));
      fingerprints.remove(id);
      return this;
    }

    /** As a hand-written definition (or one from before fingerprints) would be. */
    public Version withoutFingerprints() {
      withFingerprints = false;
      return this;
    }

    public Definition definition(ChangingFlow flow) {
      WorkflowGraph graph =
          new WorkflowGraph(
              "changing",
              "changing-" + tag,
              steps,
              null,
              "flowchart TD",
              withFingerprints ? fingerprints : Map.of());
      return new Definition(flow, tag, graph);
    }

    private Version add(StepSpec spec, StepFingerprint f) {
      steps.add(spec);
      fingerprints.put(spec.id(), f);
      return this;
    }

    private static StepFingerprint fingerprint(String output, String... after) {
      String inputs = after.length == 0 ? "input String" : "from " + String.join(",", after);
      return new StepFingerprint(output, inputs, String.join(",", after) + " ALL", "", "none", "");
    }
  }

  /** What the processor would generate, for one version. */
  public static final class Definition implements WorkflowDefinition {
    private final ChangingFlow flow;
    private final String tag;
    private final WorkflowGraph graph;

    Definition(ChangingFlow flow, String tag, WorkflowGraph graph) {
      this.flow = flow;
      this.tag = tag;
      this.graph = graph;
    }

    @Override
    public WorkflowGraph graph() {
      return graph;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) {
      StepSpec spec = graph.step(stepId).orElseThrow();
      flow.calls.add(tag + ":" + stepId);
      StringBuilder out = new StringBuilder(tag).append(':').append(stepId).append('(');
      if (spec.isRoot()) {
        out.append(in.input(String.class));
      }
      for (String p : spec.after()) {
        out.append(in.output(p, String.class)).append(' ');
      }
      if (spec.suspendable()) {
        Optional<String> decision = in.resumePayload(String.class);
        if (decision.isEmpty()) {
          return in.context().suspend("waits for a decision");
        }
        out.append(decision.get());
      }
      return out.append(')').toString();
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      throw new IllegalArgumentException("unknown condition " + name);
    }
  }
}

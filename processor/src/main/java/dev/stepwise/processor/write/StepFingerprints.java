package dev.stepwise.processor.write;

import com.palantir.javapoet.CodeBlock;
import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.Ref;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.StepOptionsModel;
import dev.stepwise.processor.model.WorkflowModel;
import dev.stepwise.processor.util.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Per-step fingerprints: for each step, one short hash per aspect of what a run's stored rows of
 * that step mean (output, inputs, predecessors, conditions, resume, options), in the order of the
 * runtime's {@code StepFingerprint} components. The engine compares them between the version a run
 * started with and the deployed one, step by step, so an unrelated change strands no run.
 */
final class StepFingerprints {
  private StepFingerprints() {}

  /** Step id to its six aspect hashes, in declaration order. */
  static Map<String, List<String>> of(WorkflowModel workflow) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (StepModel step : workflow.steps()) {
      out.put(step.stepId(), aspects(step).stream().map(StepFingerprints::hash).toList());
    }
    return out;
  }

  /**
   * {@code Map.ofEntries(Map.entry("id", new StepFingerprint(...)), ...)}, in declaration order.
   */
  static CodeBlock code(WorkflowModel workflow) {
    List<CodeBlock> entries = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : of(workflow).entrySet()) {
      List<String> h = e.getValue();
      entries.add(
          CodeBlock.of(
              "$T.entry($S, new $T($S, $S, $S, $S, $S, $S))",
              Map.class,
              e.getKey(),
              Names.STEP_FINGERPRINT,
              h.get(0),
              h.get(1),
              h.get(2),
              h.get(3),
              h.get(4),
              h.get(5)));
    }
    return CodeBlock.builder()
        .add("$T.ofEntries(\n", Map.class)
        .indent()
        .indent()
        .add(CodeBlock.join(entries, ",\n"))
        .unindent()
        .unindent()
        .add(")")
        .build();
  }

  /**
   * The canonical text of each aspect. Method bodies, retry policies, timeouts, delays, queues and
   * concurrency limits are left out: changing them does not change what a stored row means.
   */
  static List<String> aspects(StepModel step) {
    StepOptionsModel o = step.options();
    String output = step.output() + (o.isParallel() ? " per element" : "");
    String inputs =
        step.params().stream()
            .filter(StepFingerprints::isInput)
            .map(StepFingerprints::param)
            .collect(Collectors.joining(";"));
    String predecessors =
        step.afterIds().stream().sorted().collect(Collectors.joining(",")) + " join=" + step.join();
    String conditions = "when=" + name(step.when()) + " unless=" + name(step.unless());
    String resume = step.resume().map(p -> p.type().toString()).orElse("none");
    StringBuilder options = new StringBuilder();
    if (o.isLoop()) {
      options.append("loop=").append(o.loopAttribute()).append(':').append(name(o.loopCondition()));
    }
    if (o.hasEvent()) {
      options.append(" event=").append(name(o.eventName())).append(':').append(o.event().type());
    }
    if (o.isParallel()) {
      options.append(" parallel=").append(name(o.parallelOver()));
    }
    return List.of(output, inputs, predecessors, conditions, resume, options.toString());
  }

  /** Parameters that carry stored state into the step; resume and event payloads have aspects. */
  private static boolean isInput(ParamModel p) {
    return p.kind() == ParamKind.INPUT || p.kind() == ParamKind.FROM || p.kind() == ParamKind.ITEM;
  }

  private static String param(ParamModel p) {
    String source = p.kind() == ParamKind.FROM ? "from " + p.from().name() + ":" + p.path() : "";
    return p.kind() + " " + source + " " + p.type();
  }

  private static String name(Ref ref) {
    return ref == null ? "" : ref.name();
  }

  /** Eight hex digits: enough to tell versions of one step apart, short in generated code. */
  private static String hash(String text) {
    return GraphFingerprint.sha256(text).substring(0, 8);
  }
}

package dev.stepwise.processor.write;

import dev.stepwise.processor.model.ConditionModel;
import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.WorkflowModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The graph version: the first 16 hex chars of a SHA-256 over a canonical description of the
 * graph's shape. A run records it, so the engine can tell when the deployed code changed shape.
 */
final class GraphFingerprint {
  private GraphFingerprint() {}

  static String of(WorkflowModel workflow) {
    return sha256(canonical(workflow)).substring(0, 16);
  }

  /**
   * One line per step and condition, in declaration order: ids, edges, join kinds, conditions,
   * suspendability, parameter kinds and types, output types. Method bodies and retry policies are
   * left out: changing them does not strand a run that is in flight.
   */
  static String canonical(WorkflowModel workflow) {
    StringBuilder out = new StringBuilder("workflow ").append(workflow.name()).append('\n');
    for (StepModel step : workflow.steps()) {
      out.append("step ")
          .append(step.stepId())
          .append(" after=")
          .append(String.join(",", step.afterIds()))
          .append(" join=")
          .append(step.join())
          .append(" when=")
          .append(step.when() == null ? "" : step.when().name())
          .append(" unless=")
          .append(step.unless() == null ? "" : step.unless().name())
          .append(" suspendable=")
          .append(step.suspendable())
          .append(" params=");
      appendParams(out, step.params());
      out.append(" output=").append(step.output());
      if (step.options().isLoop()) {
        out.append(" loop=")
            .append(step.options().loopAttribute())
            .append(':')
            .append(step.options().loopCondition().name());
      }
      if (step.options().hasEvent()) {
        out.append(" event=").append(step.options().eventName().name());
      }
      if (step.options().isParallel()) {
        // Only when present, so graphs without fan-out keep the versions they had.
        out.append(" parallel=").append(step.options().parallelOver().name());
      }
      out.append('\n');
    }
    for (ConditionModel condition : workflow.conditions()) {
      out.append("condition ").append(condition.name()).append(" params=");
      appendParams(out, condition.params());
      out.append('\n');
    }
    return out.toString();
  }

  private static void appendParams(StringBuilder out, java.util.List<ParamModel> params) {
    for (ParamModel p : params) {
      out.append(p.kind()).append(':');
      if (p.kind() == ParamKind.FROM) {
        out.append(p.from().name()).append(':').append(p.path()).append(':');
      }
      out.append(p.type()).append(';');
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      // Every JVM must provide SHA-256 (MessageDigest's javadoc), so this cannot happen.
      throw new IllegalStateException(e);
    }
  }
}

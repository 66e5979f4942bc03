package dev.stepwise.processor.parse;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.FlowModel;
import dev.stepwise.processor.model.QueueModel;
import dev.stepwise.processor.model.Ref;
import dev.stepwise.processor.util.Mirrors;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * Parses a workflow's flow control: {@code @Workflow(queue, concurrencyKey, maxParallelism,
 * maxParallelismPerKey, retention)} and its {@code @Schedule}s. The key's path is resolved later,
 * by a graph rule, once the input type is known from the steps.
 */
final class FlowParser {
  /**
   * The longest retention accepted: longer than other durations' 365d, as records are often kept
   * for years; beyond ten, keeping runs forever (the engine's default) is what is meant.
   */
  static final long MAX_RETENTION_MILLIS = 3650L * 24 * 60 * 60 * 1000;

  static final String MAX_RETENTION_TEXT = "3650d";

  private final Diagnostics diag;
  private final Mirrors mirrors;
  private final QueueParser queues;
  private final ScheduleParser schedules;

  FlowParser(Diagnostics diag, Mirrors mirrors, QueueParser queues) {
    this.diag = diag;
    this.mirrors = mirrors;
    this.queues = queues;
    this.schedules = new ScheduleParser(diag, mirrors);
  }

  FlowModel parse(TypeElement type, AnnotationMirror workflow, String workflowName) {
    QueueModel queue = queues.named(type, workflow, "Workflow").orElse(null);
    String path = mirrors.string(workflow, "concurrencyKey");
    Ref key =
        path.isEmpty() ? null : new Ref(path, Mirrors.explicitValue(workflow, "concurrencyKey"));
    int max = limit(type, workflow, "maxParallelism");
    int perKey = limit(type, workflow, "maxParallelismPerKey");
    if (perKey > 0 && key == null) {
      diag.error(
          type,
          workflow,
          Mirrors.explicitValue(workflow, "maxParallelismPerKey"),
          Messages.RUN_LIMIT_PER_KEY_WITHOUT_KEY,
          perKey);
      perKey = 0;
    }
    return new FlowModel(
        queue, key, max, perKey, schedules.parse(type, workflowName), retention(type, workflow));
  }

  /** The retention in milliseconds; 0 when absent or reported as invalid. */
  private long retention(TypeElement type, AnnotationMirror workflow) {
    String text = mirrors.string(workflow, "retention");
    if (text.isEmpty()) {
      return 0;
    }
    OptionalLong millis = Durations.parseMillis(text);
    if (millis.isEmpty() || millis.getAsLong() == 0 || millis.getAsLong() > MAX_RETENTION_MILLIS) {
      diag.error(
          type,
          workflow,
          Mirrors.explicitValue(workflow, "retention"),
          Messages.WORKFLOW_RETENTION,
          text,
          MAX_RETENTION_TEXT);
      return 0;
    }
    return millis.getAsLong();
  }

  private int limit(TypeElement type, AnnotationMirror workflow, String attribute) {
    // valueOf, not a cast: an unresolvable constant arrives as something else; javac reports it.
    Object raw = mirrors.value(workflow, attribute).getValue();
    int value = raw instanceof Integer i ? i : 0;
    if (value < 0) {
      diag.error(
          type,
          workflow,
          Mirrors.explicitValue(workflow, attribute),
          Messages.RUN_LIMIT_NEGATIVE,
          attribute,
          value);
      return 0;
    }
    return value;
  }
}

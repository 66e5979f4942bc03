package dev.stepwise.processor;

import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * Parses a step's options ({@code @After(delay)}, {@code @Step(timeout)}, {@code @Parallel}) into a
 * {@link StepOptionsModel}, reporting each bad value on that value.
 */
final class StepOptionsParser {
  private final Diagnostics diag;
  private final Mirrors mirrors;

  StepOptionsParser(Diagnostics diag, Mirrors mirrors) {
    this.diag = diag;
    this.mirrors = mirrors;
  }

  /** The options of {@code method}; {@code after} is its {@code @After}, or null for a root. */
  StepOptionsModel parse(ExecutableElement method, AnnotationMirror step, AnnotationMirror after) {
    long delay = after == null ? 0 : duration(method, after, "After", "delay");
    long timeout = duration(method, step, "Step", "timeout");
    AnnotationMirror parallel = Mirrors.find(method, Names.PARALLEL).orElse(null);
    if (parallel == null) {
      return new StepOptionsModel(delay, timeout, null, null, 0);
    }
    Ref over = new Ref(mirrors.string(parallel, "over"), Mirrors.explicitValue(parallel, "over"));
    // valueOf, not a cast: an unresolvable constant arrives as something else; javac reports it.
    Object raw = mirrors.value(parallel, "maxConcurrency").getValue();
    int max = raw instanceof Integer i ? i : 0;
    if (max < 0) {
      diag.error(
          method,
          parallel,
          Mirrors.explicitValue(parallel, "maxConcurrency"),
          Messages.PARALLEL_MAX_CONCURRENCY,
          max);
      max = 0;
    }
    return new StepOptionsModel(delay, timeout, parallel, over, max);
  }

  /** A positive duration in milliseconds; 0 when absent or reported as invalid. */
  private long duration(
      ExecutableElement method, AnnotationMirror mirror, String annotation, String attribute) {
    String text = mirrors.string(mirror, attribute);
    if (text.isEmpty()) {
      return 0;
    }
    AnnotationValue spot = Mirrors.explicitValue(mirror, attribute);
    OptionalLong millis = Durations.parseMillis(text);
    if (millis.isEmpty() || millis.getAsLong() == 0) {
      diag.error(method, mirror, spot, Messages.STEP_DURATION, annotation, attribute, text);
      return 0;
    }
    if (millis.getAsLong() > Durations.MAX_MILLIS) {
      diag.error(
          method,
          mirror,
          spot,
          Messages.STEP_DURATION_TOO_LONG,
          annotation,
          attribute,
          text,
          Durations.MAX_TEXT);
      return 0;
    }
    return millis.getAsLong();
  }
}

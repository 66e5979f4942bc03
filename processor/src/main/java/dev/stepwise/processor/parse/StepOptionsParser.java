package dev.stepwise.processor.parse;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.QueueModel;
import dev.stepwise.processor.model.Ref;
import dev.stepwise.processor.model.StepOptionsModel;
import dev.stepwise.processor.util.Mirrors;
import dev.stepwise.processor.util.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Parses a step's options ({@code @After(delay)}, {@code @Step(timeout, queue)}, {@code @Parallel})
 * into a {@link StepOptionsModel}, reporting each bad value on that value.
 */
final class StepOptionsParser {
  private final Diagnostics diag;
  private final Mirrors mirrors;
  private final QueueParser queues;

  StepOptionsParser(Diagnostics diag, Mirrors mirrors, QueueParser queues) {
    this.diag = diag;
    this.mirrors = mirrors;
    this.queues = queues;
  }

  /** The options of {@code method}; {@code after} is its {@code @After}, or null for a root. */
  StepOptionsModel parse(
      ExecutableElement method,
      AnnotationMirror step,
      AnnotationMirror after,
      List<ParamModel> params) {
    Event event = event(method, params);
    boolean transactional = transactional(method, step, params);
    long delay = after == null ? 0 : duration(method, after, "After", "delay");
    long timeout = duration(method, step, "Step", "timeout");
    Loop loop = loop(method, step);
    QueueModel queue = queues.named(method, step, "Step").orElse(null);
    AnnotationMirror parallel = Mirrors.find(method, Names.PARALLEL).orElse(null);
    if (parallel == null) {
      return new StepOptionsModel(
          delay,
          timeout,
          null,
          null,
          0,
          loop.condition(),
          loop.until(),
          loop.max(),
          event.param(),
          event.name(),
          event.timeoutMillis(),
          event.skip(),
          transactional,
          queue);
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
    return new StepOptionsModel(
        delay,
        timeout,
        parallel,
        over,
        max,
        loop.condition(),
        loop.until(),
        loop.max(),
        event.param(),
        event.name(),
        event.timeoutMillis(),
        event.skip(),
        transactional,
        queue);
  }

  /**
   * {@code transactional = true} needs a DSLContext parameter, a DSLContext parameter needs it, and
   * a transactional step is not also timed, looped or fanned out (each runs outside the one
   * transaction that records the step).
   */
  private boolean transactional(
      ExecutableElement method, AnnotationMirror step, List<ParamModel> params) {
    Object raw = mirrors.value(step, "transactional").getValue();
    boolean declared = raw instanceof Boolean b && b;
    AnnotationValue spot = Mirrors.explicitValue(step, "transactional");
    List<ParamModel> dsl = params.stream().filter(p -> p.kind() == ParamKind.TRANSACTION).toList();
    if (!declared) {
      dsl.forEach(
          p ->
              diag.error(
                  p.element(),
                  Messages.DSL_WITHOUT_TRANSACTIONAL,
                  p.name(),
                  method.getSimpleName()));
      return false;
    }
    if (dsl.isEmpty()) {
      diag.error(method, step, spot, Messages.TRANSACTIONAL_NO_DSL, method.getSimpleName());
    }
    List<String> others = new ArrayList<>();
    if (!mirrors.string(step, "timeout").isEmpty()) {
      others.add("timeout");
    }
    if (!mirrors.string(step, "repeatUntil").isEmpty()
        || !mirrors.string(step, "repeatWhile").isEmpty()) {
      others.add("a loop");
    }
    if (Mirrors.find(method, Names.PARALLEL).isPresent()) {
      others.add("@Parallel");
    }
    if (!others.isEmpty()) {
      diag.error(method, step, spot, Messages.TRANSACTIONAL_COMBINED, String.join(" and ", others));
    }
    return true;
  }

  private record Event(ParamModel param, Ref name, long timeoutMillis, boolean skip) {}

  /** The step's one {@code @Event} parameter: a Java identifier as name, a valid timeout. */
  private Event event(ExecutableElement method, List<ParamModel> params) {
    List<ParamModel> events = params.stream().filter(p -> p.kind() == ParamKind.EVENT).toList();
    if (events.isEmpty()) {
      return new Event(null, null, 0, false);
    }
    for (ParamModel extra : events.subList(1, events.size())) {
      diag.error(
          extra.element(),
          extra.mirror(),
          null,
          Messages.EVENT_TWICE,
          method.getSimpleName(),
          events.get(0).name(),
          extra.name());
    }
    ParamModel p = events.get(0);
    AnnotationMirror mirror = p.mirror();
    Ref name = new Ref(mirrors.string(mirror, "value"), Mirrors.explicitValue(mirror, "value"));
    if (!SourceVersion.isIdentifier(name.name()) || SourceVersion.isKeyword(name.name())) {
      diag.error(p.element(), mirror, name.value(), Messages.EVENT_NAME_INVALID, name.name());
    }
    long timeout = duration(p.element(), mirror, "Event", "timeout");
    Object onTimeout = mirrors.value(mirror, "onTimeout").getValue();
    boolean skip =
        onTimeout instanceof VariableElement constant
            && constant.getSimpleName().contentEquals("SKIP");
    return new Event(p, name, timeout, skip);
  }

  private record Loop(Ref condition, boolean until, int max) {}

  /** repeatUntil / repeatWhile and maxIterations: one condition, and a bound of at least 1. */
  private Loop loop(ExecutableElement method, AnnotationMirror step) {
    String until = mirrors.string(step, "repeatUntil");
    String whileName = mirrors.string(step, "repeatWhile");
    Object raw = mirrors.value(step, "maxIterations").getValue();
    int max = raw instanceof Integer i ? i : 0;
    AnnotationValue maxValue = Mirrors.explicitValue(step, "maxIterations");
    if (!until.isEmpty() && !whileName.isEmpty()) {
      diag.error(
          method,
          step,
          Mirrors.explicitValue(step, "repeatWhile"),
          Messages.LOOP_BOTH,
          until,
          whileName);
      return new Loop(null, true, 0);
    }
    if (until.isEmpty() && whileName.isEmpty()) {
      if (maxValue != null) {
        diag.error(method, step, maxValue, Messages.LOOP_MAX_WITHOUT_CONDITION, max);
      }
      return new Loop(null, true, 0);
    }
    boolean isUntil = !until.isEmpty();
    String attribute = isUntil ? "repeatUntil" : "repeatWhile";
    String name = isUntil ? until : whileName;
    Ref condition = new Ref(name, Mirrors.explicitValue(step, attribute));
    if (max < 1) {
      diag.error(
          method,
          step,
          maxValue != null ? maxValue : condition.value(),
          Messages.LOOP_NO_MAX,
          attribute,
          name,
          max);
      return new Loop(null, true, 0);
    }
    return new Loop(condition, isUntil, max);
  }

  /** A positive duration in milliseconds; 0 when absent or reported as invalid. */
  private long duration(
      Element method, AnnotationMirror mirror, String annotation, String attribute) {
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

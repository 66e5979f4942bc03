package dev.stepwise.processor.parse;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.RetryModel;
import dev.stepwise.processor.util.Mirrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/** Checks a {@code @Retry} and turns it into a {@link RetryModel}, reporting on each bad value. */
final class RetryParser {
  static final int MAX_ATTEMPTS = 1000;
  static final double MAX_BACKOFF = 100.0;

  private final Diagnostics diag;
  private final Mirrors mirrors;

  RetryParser(Diagnostics diag, Mirrors mirrors) {
    this.diag = diag;
    this.mirrors = mirrors;
  }

  /** The {@code @Retry} on the element, if any and valid; every invalid attribute is reported. */
  Optional<RetryModel> parse(Element element, AnnotationMirror retry) {
    int before = diag.errorCount();
    int attempts = (Integer) mirrors.value(retry, "attempts").getValue();
    if (attempts < 1 || attempts > MAX_ATTEMPTS) {
      diag.error(
          element, retry, spot(retry, "attempts"), Messages.RETRY_ATTEMPTS, attempts, MAX_ATTEMPTS);
    }
    long delay = duration(element, retry, "delay");
    double backoff = (Double) mirrors.value(retry, "backoff").getValue();
    // Written as a negated range check so that NaN is rejected too.
    if (!(backoff >= 1.0 && backoff <= MAX_BACKOFF)) {
      diag.error(
          element, retry, spot(retry, "backoff"), Messages.RETRY_BACKOFF, backoff, MAX_BACKOFF);
    }
    long maxDelay = duration(element, retry, "maxDelay");
    double jitter = (Double) mirrors.value(retry, "jitter").getValue();
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      diag.error(element, retry, spot(retry, "jitter"), Messages.RETRY_JITTER, jitter);
    }
    if (diag.errorCount() != before) {
      return Optional.empty();
    }
    return Optional.of(
        new RetryModel(
            attempts,
            delay,
            backoff,
            maxDelay,
            jitter,
            classes(retry, "retryOn"),
            classes(retry, "abortOn")));
  }

  private long duration(Element element, AnnotationMirror retry, String attribute) {
    String text = mirrors.string(retry, attribute);
    OptionalLong millis = Durations.parseMillis(text);
    if (millis.isEmpty()) {
      diag.error(element, retry, spot(retry, attribute), Messages.RETRY_DURATION, attribute, text);
      return 0;
    }
    if (millis.getAsLong() > Durations.MAX_MILLIS) {
      diag.error(
          element,
          retry,
          spot(retry, attribute),
          Messages.RETRY_DURATION_TOO_LONG,
          attribute,
          text,
          Durations.MAX_TEXT);
      return 0;
    }
    return millis.getAsLong();
  }

  private List<TypeMirror> classes(AnnotationMirror retry, String attribute) {
    List<TypeMirror> types = new ArrayList<>();
    for (AnnotationValue v : mirrors.list(retry, attribute)) {
      // An unresolvable class is not a TypeMirror here; javac reports it already.
      if (v.getValue() instanceof TypeMirror type) {
        types.add(type);
      }
    }
    return types;
  }

  private static AnnotationValue spot(AnnotationMirror retry, String attribute) {
    return Mirrors.explicitValue(retry, attribute);
  }
}

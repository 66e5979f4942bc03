package dev.stepwise.processor.model;

import java.util.List;
import javax.lang.model.type.TypeMirror;

/** A checked {@code @Retry}: durations in milliseconds, exception types as mirrors. */
public record RetryModel(
    int attempts,
    long delayMillis,
    double backoff,
    long maxDelayMillis,
    double jitter,
    List<TypeMirror> retryOn,
    List<TypeMirror> abortOn) {}

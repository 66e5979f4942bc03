package dev.stepwise.processor;

import java.util.List;
import javax.lang.model.type.TypeMirror;

/** A checked {@code @Retry}: durations in milliseconds, exception types as mirrors. */
record RetryModel(
    int attempts,
    long delayMillis,
    double backoff,
    long maxDelayMillis,
    double jitter,
    List<TypeMirror> retryOn,
    List<TypeMirror> abortOn) {}

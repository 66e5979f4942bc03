package dev.stepwise.opentelemetry;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.spi.observe.AttemptEnd;
import dev.stepwise.runtime.spi.observe.RunStartObservation;
import dev.stepwise.runtime.spi.observe.StepAttempt;
import dev.stepwise.runtime.spi.observe.StepObservation;
import dev.stepwise.runtime.spi.observe.StepwiseObserver;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A span per run and per step attempt, all in the trace of the code that started the run. Register
 * it with {@code Stepwise.builder().observer(StepwiseTracing.of(openTelemetry))}.
 *
 * <p>The run span ({@code run <workflow>}) is a child of the span current where the run is started,
 * and lasts as long as the start: a run may last for days and finish on another node, where no span
 * object of this one can be ended. Its context is stored with the run, so every step attempt span
 * ({@code step <workflow>.<step>}) is its child, on whichever node and however late the step runs:
 * a run resumed after a week, or a step taken over by another node, stays in the same trace. While
 * a step's code runs, its attempt span is current, so the spans that code makes (an HTTP call, a
 * query) nest under it.
 *
 * <p>Only the OpenTelemetry API is used: the application chooses and configures the SDK. The
 * context is stored with the OpenTelemetry instance's propagator, or in W3C Trace Context format if
 * it has none.
 */
public final class StepwiseTracing implements StepwiseObserver {
  /** The instrumentation scope the spans are created in. */
  public static final String SCOPE = "dev.stepwise";

  static final AttributeKey<String> WORKFLOW = AttributeKey.stringKey("stepwise.workflow");
  static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("stepwise.run.id");
  static final AttributeKey<Boolean> RUN_CREATED = AttributeKey.booleanKey("stepwise.run.created");
  static final AttributeKey<String> STEP = AttributeKey.stringKey("stepwise.step");
  static final AttributeKey<String> EXECUTION = AttributeKey.stringKey("stepwise.step.execution");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("stepwise.step.attempt");
  static final AttributeKey<String> NODE = AttributeKey.stringKey("stepwise.node");
  static final AttributeKey<String> STATUS = AttributeKey.stringKey("stepwise.step.status");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> RETRY_AT = AttributeKey.stringKey("stepwise.step.retry_at");

  private static final TextMapGetter<Map<String, String>> FROM_MAP =
      new TextMapGetter<>() {
        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  private StepwiseTracing(Tracer tracer, TextMapPropagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** Spans through {@code openTelemetry}'s tracer provider and propagator. */
  public static StepwiseTracing of(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    TextMapPropagator configured = openTelemetry.getPropagators().getTextMapPropagator();
    // A propagator with no fields stores nothing, and would cut every run from its trace.
    TextMapPropagator propagator =
        configured.fields().isEmpty() ? W3CTraceContextPropagator.getInstance() : configured;
    return new StepwiseTracing(openTelemetry.getTracer(SCOPE), propagator);
  }

  @Override
  public RunStartObservation runStarting(String workflow) {
    Context parent = Context.current();
    Span span =
        tracer
            .spanBuilder("run " + workflow)
            .setParent(parent)
            .setSpanKind(SpanKind.PRODUCER) // it hands the run's steps to the engine's workers
            .setAttribute(WORKFLOW, workflow)
            .startSpan();
    Context context = parent.with(span);
    return new RunStartObservation() {
      @Override
      public Map<String, String> context() {
        Map<String, String> fields = new LinkedHashMap<>();
        propagator.inject(context, fields, Map::put);
        return fields;
      }

      @Override
      public void started(String runId, boolean created) {
        span.setAttribute(RUN_ID, runId);
        span.setAttribute(RUN_CREATED, created);
        span.end();
      }

      @Override
      public void failed(Throwable error) {
        span.recordException(error);
        span.setStatus(StatusCode.ERROR, error.getClass().getName());
        span.end();
      }
    };
  }

  @Override
  public StepObservation stepStarting(StepAttempt attempt) {
    // The run's stored context names the run span; without one (a run started before tracing was
    // on) the attempt joins whatever is current here.
    Context current = Context.current();
    Context parent =
        attempt.runContext().isEmpty()
            ? current
            : propagator.extract(current, attempt.runContext(), FROM_MAP);
    Span span =
        tracer
            .spanBuilder("step " + attempt.workflow() + "." + attempt.step())
            .setParent(parent)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute(WORKFLOW, attempt.workflow())
            .setAttribute(RUN_ID, attempt.runId())
            .setAttribute(STEP, attempt.step())
            .setAttribute(EXECUTION, attempt.execution())
            .setAttribute(ATTEMPT, (long) attempt.attempt())
            .setAttribute(NODE, attempt.node())
            .startSpan();
    Scope scope = parent.with(span).makeCurrent();
    return end -> {
      scope.close(); // on the worker thread that opened it, as the engine guarantees
      ended(span, end);
    };
  }

  private static void ended(Span span, AttemptEnd end) {
    span.setAttribute(STATUS, end.status().name().toLowerCase(Locale.ROOT));
    if (end.errorType() != null) {
      span.setAttribute(ERROR_TYPE, end.errorType());
    }
    if (end.retrying()) {
      span.setAttribute(RETRY_AT, end.retryAt().toString());
    }
    if (end.status() == Status.FAILED) {
      span.setStatus(StatusCode.ERROR, end.errorType());
    }
    span.end();
  }
}

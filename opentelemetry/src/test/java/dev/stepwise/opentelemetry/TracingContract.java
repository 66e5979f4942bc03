package dev.stepwise.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.RunHandle;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.testing.Await;
import dev.stepwise.testing.TestSchema;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One trace for a run's whole life, on each database: started under the caller's span by an engine
 * that runs nothing, its first steps run by a second node, and resumed, after that node is gone,
 * through a third engine that runs the rest. The engines share only the database (and one SDK, as
 * the processes of one system export to one collector), so the trace can only be carried by what
 * the run stored.
 */
abstract class TracingContract {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                  .build())
          .build();
  private final Tracer tracer = otel.getTracer("test");
  private final List<Stepwise> engines = new ArrayList<>();
  private TestSchema schema;

  @BeforeEach
  void useSchema(TestSchema schema) {
    this.schema = schema;
  }

  @AfterEach
  void closeEngines() {
    engines.forEach(Stepwise::close);
    otel.close();
  }

  private Stepwise engine(String node) {
    Stepwise e =
        Stepwise.builder()
            .dataSource(schema.dataSource())
            .schema(schema.name())
            .nodeId(node)
            .workers(2)
            .pollInterval(Duration.ofMillis(50))
            .observer(StepwiseTracing.of(otel))
            .build();
    engines.add(e);
    return e;
  }

  @Test
  void aRunSuspendedOnOneNodeAndResumedOnAnotherIsOneTraceUnderTheCallersSpan() {
    Stepwise starter = engine("node-a"); // never started: it only stores the run
    TracedFlowRunner onA = new TracedFlowRunner(starter, new TracedFlow(tracer));
    Span caller = tracer.spanBuilder("POST /orders").startSpan();
    String runId;
    Scope scope = caller.makeCurrent();
    try {
      runId = onA.startAsync("order-1").runId();
    } finally {
      scope.close();
      caller.end();
    }

    Stepwise b = engine("node-b");
    TracedFlowRunner onB = new TracedFlowRunner(b, new TracedFlow(tracer));
    b.start();
    Await.until(
        "the run is suspended",
        Duration.ofSeconds(30),
        () -> onB.status(runId).status() == Status.SUSPENDED);
    b.close(); // lets its running steps finish: their spans are ended

    // Days later, on a fresh engine, from a thread with no span of its own.
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
    Stepwise c = engine("node-c");
    TracedFlowRunner onC = new TracedFlowRunner(c, new TracedFlow(tracer));
    c.start();
    onC.resumeApprove(runId, "Ann");
    assertThat(onC.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    Await.until(
        "the ship attempt is exported",
        Duration.ofSeconds(30),
        () -> named("step traced.ship").size() == 1);

    SpanData root = only("POST /orders");
    SpanData run = only("run traced");
    SpanData prepare = only("step traced.prepare");
    List<SpanData> approve = named("step traced.approve");
    SpanData ship = only("step traced.ship");
    SpanData booking = only("carrier booking");

    assertThat(exporter.getFinishedSpanItems())
        .allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(root.getTraceId()));
    assertThat(root.getParentSpanContext().isValid()).isFalse();
    assertThat(run.getParentSpanId()).isEqualTo(root.getSpanId());
    assertThat(run.getAttributes().get(StepwiseTracing.RUN_ID)).isEqualTo(runId);
    assertThat(approve).hasSize(2);
    for (SpanData step : List.of(prepare, approve.get(0), approve.get(1), ship)) {
      assertThat(step.getParentSpanId()).as(step.getName()).isEqualTo(run.getSpanId());
      assertThat(step.getAttributes().get(StepwiseTracing.RUN_ID)).isEqualTo(runId);
    }
    assertThat(booking.getParentSpanId()).isEqualTo(ship.getSpanId());

    assertThat(prepare.getAttributes().get(StepwiseTracing.NODE)).isEqualTo("node-b");
    SpanData suspended = withStatus(approve, "suspended");
    SpanData resumed = withStatus(approve, "succeeded");
    assertThat(suspended.getAttributes().get(StepwiseTracing.NODE)).isEqualTo("node-b");
    assertThat(resumed.getAttributes().get(StepwiseTracing.NODE)).isEqualTo("node-c");
    assertThat(ship.getAttributes().get(StepwiseTracing.NODE)).isEqualTo("node-c");
    assertThat(ship.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void aRunStartedWithoutASpanIsATraceOfItsOwnAndAFailedStepIsAnError() {
    Stepwise e = engine("node-a");
    TracedFlowRunner runner = new TracedFlowRunner(e, new TracedFlow(tracer));
    e.start();
    RunHandle<TracedFlowResult> handle = runner.startAsync("broken-1");
    assertThat(handle.await(WAIT).status()).isEqualTo(Status.FAILED);
    Await.until(
        "the prepare attempt is exported",
        Duration.ofSeconds(30),
        () -> named("step traced.prepare").size() == 1);

    SpanData run = only("run traced");
    SpanData prepare = only("step traced.prepare");
    assertThat(run.getParentSpanContext().isValid()).isFalse();
    assertThat(prepare.getTraceId()).isEqualTo(run.getTraceId());
    assertThat(prepare.getParentSpanId()).isEqualTo(run.getSpanId());
    assertThat(prepare.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(prepare.getAttributes().get(StepwiseTracing.ERROR_TYPE))
        .isEqualTo(IllegalArgumentException.class.getName());
    assertThat(prepare.getAttributes().get(StepwiseTracing.STATUS)).isEqualTo("failed");
  }

  private List<SpanData> named(String name) {
    return exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
  }

  private SpanData only(String name) {
    List<SpanData> spans = named(name);
    assertThat(spans).as(name).hasSize(1);
    return spans.get(0);
  }

  private static SpanData withStatus(List<SpanData> spans, String status) {
    return spans.stream()
        .filter(s -> status.equals(s.getAttributes().get(StepwiseTracing.STATUS)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no attempt " + status + " in " + spans));
  }
}

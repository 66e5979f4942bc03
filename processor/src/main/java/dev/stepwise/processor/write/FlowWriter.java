package dev.stepwise.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.stepwise.processor.model.FlowModel;
import dev.stepwise.processor.model.QueueModel;
import dev.stepwise.processor.model.ScheduleModel;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.util.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Elements;

/**
 * Writes a definition's flow control: one {@code QueueSpec} constant per queue its steps wait for,
 * each step's {@code withQueue}, and the {@code flowControl()}, {@code concurrencyKey(input)} and
 * {@code retention()} and {@code schedules()} overrides, each only when the workflow declares what
 * it returns.
 */
final class FlowWriter {
  private static final TypeName SCHEDULES_TYPE =
      ParameterizedTypeName.get(ClassName.get(List.class), Names.SCHEDULE_SPEC);

  private final WriterContext ctx;
  private final Elements elements;

  /** Queue type to its constant, in order of first use, so the output is deterministic. */
  private final Map<String, String> constants = new LinkedHashMap<>();

  private final Map<String, QueueModel> queues = new LinkedHashMap<>();

  FlowWriter(WriterContext ctx, Elements elements) {
    this.ctx = ctx;
    this.elements = elements;
    Set<String> taken = new HashSet<>();
    for (StepModel step : ctx.workflow.steps()) {
      QueueModel queue = ctx.workflow.queueOf(step);
      if (queue != null && !constants.containsKey(queue.qualifiedName())) {
        constants.put(queue.qualifiedName(), constantName(queue, taken));
        queues.put(queue.qualifiedName(), queue);
      }
    }
  }

  /** {@code LlmQueue} becomes {@code LLM_QUEUE}, {@code Payments} {@code PAYMENTS_QUEUE}. */
  private static String constantName(QueueModel queue, Set<String> taken) {
    String simple = queue.type().getSimpleName().toString();
    String base = WriterContext.upperSnake(simple) + (simple.endsWith("Queue") ? "" : "_QUEUE");
    String name = base;
    // Two queue types of one simple name in different packages: keep both compilable.
    for (int n = 2; !taken.add(name); n++) {
      name = base + "_" + n;
    }
    return name;
  }

  /** The QueueSpec constants; GRAPH reads them, so they come first. */
  List<FieldSpec> queueConstants() {
    List<FieldSpec> fields = new ArrayList<>();
    constants.forEach(
        (type, constant) -> {
          QueueModel q = queues.get(type);
          fields.add(
              FieldSpec.builder(Names.QUEUE_SPEC, constant, Modifier.STATIC, Modifier.FINAL)
                  .addJavadoc("Queue {@code $L}, declared by {@link $T}.\n", q.name(), q.type())
                  .initializer(
                      "new $T($S, $L, $L, $L, $L, $T.ofMillis($LL))",
                      Names.QUEUE_SPEC,
                      q.name(),
                      q.concurrency(),
                      q.perNode(),
                      q.perKey(),
                      q.rate(),
                      Duration.class,
                      q.ratePeriodMillis())
                  .build());
        });
    return fields;
  }

  /** The step's {@code withQueue} call: its own queue, else the workflow's; empty for none. */
  CodeBlock withQueue(StepModel step) {
    QueueModel queue = ctx.workflow.queueOf(step);
    if (queue == null) {
      return CodeBlock.of("");
    }
    return CodeBlock.of("$W.withQueue($N)", constants.get(queue.qualifiedName()));
  }

  /** The FLOW_CONTROL and SCHEDULES constants, for the workflows that declare them. */
  List<FieldSpec> constants() {
    FlowModel flow = ctx.workflow.flow();
    List<FieldSpec> fields = new ArrayList<>();
    if (flow.controlsRuns()) {
      fields.add(
          FieldSpec.builder(Names.FLOW_CONTROL, "FLOW_CONTROL", Modifier.STATIC, Modifier.FINAL)
              .initializer(
                  "new $T($S, $L, $L)",
                  Names.FLOW_CONTROL,
                  flow.concurrencyKey() == null ? null : flow.concurrencyKey().name(),
                  flow.maxParallelism(),
                  flow.maxParallelismPerKey())
              .build());
    }
    if (!flow.schedules().isEmpty()) {
      fields.add(
          FieldSpec.builder(SCHEDULES_TYPE, "SCHEDULES", Modifier.STATIC, Modifier.FINAL)
              .initializer(schedules(flow.schedules()))
              .build());
    }
    return fields;
  }

  private static CodeBlock schedules(List<ScheduleModel> schedules) {
    List<CodeBlock> specs = new ArrayList<>();
    for (ScheduleModel s : schedules) {
      specs.add(
          CodeBlock.of(
              "new $T($S, $S, $S, $L, $L, $T.ofMillis($LL))",
              Names.SCHEDULE_SPEC,
              s.name(),
              s.cron(),
              s.zone(),
              s.catchUp(),
              s.catchUpLimit(),
              Duration.class,
              s.toleranceMillis()));
    }
    return CodeBlock.builder()
        .add("$T.of(\n", List.class)
        .indent()
        .indent()
        .add(CodeBlock.join(specs, ",\n"))
        .unindent()
        .unindent()
        .add(")")
        .build();
  }

  /** The overrides of the WorkflowDefinition defaults, in the interface's order. */
  List<MethodSpec> overrides() {
    FlowModel flow = ctx.workflow.flow();
    List<MethodSpec> methods = new ArrayList<>();
    if (flow.controlsRuns()) {
      methods.add(returning("flowControl", Names.FLOW_CONTROL, "FLOW_CONTROL"));
    }
    if (flow.concurrencyKey() != null) {
      methods.add(new ConcurrencyKeyWriter(ctx, elements).write(flow.concurrencyKey()));
    }
    if (flow.retentionMillis() > 0) {
      methods.add(retention(flow.retentionMillis()));
    }
    if (!flow.schedules().isEmpty()) {
      methods.add(returning("schedules", SCHEDULES_TYPE, "SCHEDULES"));
    }
    return methods;
  }

  private static MethodSpec retention(long millis) {
    return MethodSpec.methodBuilder("retention")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(Optional.class, Duration.class))
        .addStatement("return $T.of($L)", Optional.class, duration(millis))
        .build();
  }

  /** {@code Duration.ofDays(30)} rather than its milliseconds, for the reader of the source. */
  private static CodeBlock duration(long millis) {
    long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] factories = {"ofDays", "ofHours", "ofMinutes", "ofSeconds"};
    for (int i = 0; i < units.length; i++) {
      if (millis % units[i] == 0) {
        return CodeBlock.of("$T.$N($LL)", Duration.class, factories[i], millis / units[i]);
      }
    }
    return CodeBlock.of("$T.ofMillis($LL)", Duration.class, millis);
  }

  private static MethodSpec returning(String name, TypeName type, String constant) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addStatement("return $N", constant)
        .build();
  }
}

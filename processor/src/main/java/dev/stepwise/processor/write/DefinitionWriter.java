package dev.stepwise.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.RetryModel;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.StepOptionsModel;
import dev.stepwise.processor.shape.BoundaryModel;
import dev.stepwise.processor.util.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Writes {@code XxxDefinition}: the graph as constants (retry policies, type tokens, Mermaid, the
 * {@code WorkflowGraph}) and the dispatch that calls the workflow's methods without reflection.
 */
final class DefinitionWriter {
  private static final String DEFAULT_RETRY = "DEFAULT_RETRY";
  private static final TypeName CONTRACTS_TYPE =
      ParameterizedTypeName.get(
          ClassName.get(List.class),
          ParameterizedTypeName.get(Names.CONTRACT, WildcardTypeName.subtypeOf(Object.class)));

  private final Elements elements;

  DefinitionWriter(Elements elements) {
    this.elements = elements;
  }

  TypeSpec write(WriterContext ctx) {
    DispatchWriter dispatch = new DispatchWriter(ctx, elements);
    MethodSpec invokeStep = dispatch.invokeStep();
    MethodSpec evaluateCondition = dispatch.evaluateCondition();
    FlowWriter flow = new FlowWriter(ctx, elements);
    TypeSpec.Builder type =
        TypeSpec.classBuilder(ctx.definition)
            .addJavadoc(
                "The graph and dispatch of workflow {@code $L} ($T); registered by {@link $T}.\n",
                ctx.workflow.name(),
                ctx.workflowClass,
                ctx.runner)
            .addAnnotation(WriterContext.generated())
            .addModifiers(ctx.classModifiers())
            .addSuperinterface(Names.WORKFLOW_DEFINITION)
            .addOriginatingElement(ctx.workflow.type());
    // Constants in dependency order: GRAPH reads the retry policies, the queues and MERMAID.
    retryConstants(ctx).forEach(type::addField);
    typeReferences(ctx).forEach(type::addField);
    flow.queueConstants().forEach(type::addField);
    type.addField(
        FieldSpec.builder(String.class, "MERMAID", Modifier.STATIC, Modifier.FINAL)
            .initializer("$S", MermaidRenderer.render(ctx.workflow, ctx.graph))
            .build());
    type.addField(
        FieldSpec.builder(Names.WORKFLOW_GRAPH, "GRAPH", Modifier.STATIC, Modifier.FINAL)
            .initializer(graph(ctx, flow))
            .build());
    type.addField(
        FieldSpec.builder(CONTRACTS_TYPE, "CONTRACTS", Modifier.STATIC, Modifier.FINAL)
            .initializer(contracts(ctx))
            .build());
    flow.constants().forEach(type::addField);
    type.addField(ctx.workflowClass, "workflow", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(ctx.memberModifiers())
            .addParameter(ctx.workflowClass, "workflow")
            .addStatement(
                "this.workflow = $T.requireNonNull(workflow, $S)", Objects.class, "workflow")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("graph")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(Names.WORKFLOW_GRAPH)
            .addStatement("return GRAPH")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("contracts")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(CONTRACTS_TYPE)
            .addStatement("return CONTRACTS")
            .build());
    flow.overrides().forEach(type::addMethod);
    type.addMethod(invokeStep);
    type.addMethod(evaluateCondition);
    dispatch.pathHelpers().forEach(type::addMethod);
    return type.build();
  }

  private List<FieldSpec> retryConstants(WriterContext ctx) {
    List<FieldSpec> fields = new ArrayList<>();
    ctx.workflow.steps().stream()
        .filter(s -> !s.ownRetry() && s.retry() != null)
        .findFirst()
        .ifPresent(s -> fields.add(retryField(DEFAULT_RETRY, s.retry())));
    for (StepModel step : ctx.workflow.steps()) {
      if (step.ownRetry()) {
        fields.add(retryField(retryConstant(step), step.retry()));
      }
    }
    return fields;
  }

  private static FieldSpec retryField(String name, RetryModel retry) {
    return FieldSpec.builder(Names.RETRY_POLICY, name, Modifier.STATIC, Modifier.FINAL)
        .initializer(
            "new $T($L,$W$T.ofMillis($LL),$W$L,$W$T.ofMillis($LL),$W$L,$W$L,$W$L)",
            Names.RETRY_POLICY,
            retry.attempts(),
            Duration.class,
            retry.delayMillis(),
            Double.toString(retry.backoff()),
            Duration.class,
            retry.maxDelayMillis(),
            Double.toString(retry.jitter()),
            classList(retry.retryOn()),
            classList(retry.abortOn()))
        .build();
  }

  private static CodeBlock classList(List<TypeMirror> classes) {
    List<CodeBlock> literals = new ArrayList<>();
    classes.forEach(c -> literals.add(CodeBlock.of("$T.class", TypeName.get(c))));
    return CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(literals, ", "));
  }

  private static String retryConstant(StepModel step) {
    return WriterContext.upperSnake(step.stepId()) + "_RETRY";
  }

  /** TypeReference constants for generic input, output and resume types, in graph order. */
  private List<FieldSpec> typeReferences(WriterContext ctx) {
    List<FieldSpec> fields = new ArrayList<>();
    ctx.inputType()
        .filter(ctx::needsTypeReference)
        .ifPresent(t -> fields.add(typeReference(WriterContext.INPUT_CONSTANT, t)));
    for (StepModel step : ctx.workflow.steps()) {
      if (ctx.needsTypeReference(step.output())) {
        fields.add(typeReference(WriterContext.outputConstant(step.stepId()), step.output()));
      }
      step.params().stream()
          .filter(p -> p.kind() == ParamKind.ITEM && ctx.needsTypeReference(p.type()))
          .findFirst()
          .ifPresent(
              p -> fields.add(typeReference(WriterContext.itemConstant(step.stepId()), p.type())));
      if (step.options().hasEvent() && ctx.needsTypeReference(step.options().event().type())) {
        fields.add(
            typeReference(
                WriterContext.eventConstant(step.stepId()), step.options().event().type()));
      }
      step.resume()
          .map(ParamModel::optionalOf)
          .filter(ctx::needsTypeReference)
          .ifPresent(
              t -> fields.add(typeReference(WriterContext.resumeConstant(step.stepId()), t)));
    }
    return fields;
  }

  private static FieldSpec typeReference(String name, TypeMirror type) {
    TypeName reference = ParameterizedTypeName.get(Names.TYPE_REFERENCE, TypeName.get(type));
    return FieldSpec.builder(reference, name, Modifier.STATIC, Modifier.FINAL)
        .initializer("$L", TypeSpec.anonymousClassBuilder("").superclass(reference).build())
        .build();
  }

  /** The {@code withXxx} calls for what a step declares; nothing for a step that declares none. */
  private static CodeBlock options(StepOptionsModel options) {
    CodeBlock.Builder calls = CodeBlock.builder();
    if (options.delayMillis() > 0) {
      calls.add("$W.withDelay($T.ofMillis($LL))", Duration.class, options.delayMillis());
    }
    if (options.timeoutMillis() > 0) {
      calls.add("$W.withTimeout($T.ofMillis($LL))", Duration.class, options.timeoutMillis());
    }
    if (options.isLoop()) {
      calls.add(
          "$W.withLoop($S, $L, $L)",
          options.loopCondition().name(),
          options.loopUntil(),
          options.maxIterations());
    }
    if (options.transactional()) {
      calls.add("$W.withTransactional()");
    }
    if (options.hasEvent()) {
      CodeBlock limit =
          options.eventTimeoutMillis() > 0
              ? CodeBlock.of("$T.ofMillis($LL)", Duration.class, options.eventTimeoutMillis())
              : CodeBlock.of("null");
      calls.add(
          "$W.withEvent($S, $L, $L)",
          options.eventName().name(),
          limit,
          options.skipOnEventTimeout());
    }
    if (options.isParallel()) {
      calls.add("$W.withParallel($S, $L)", options.parallelOver().name(), options.maxConcurrency());
    }
    return calls.build();
  }

  /** The step whose type-reference constant an event's contract reuses. */
  private static String firstStepWaitingFor(WriterContext ctx, String event) {
    return ctx.workflow.steps().stream()
        .filter(s -> s.options().hasEvent() && s.options().eventName().name().equals(event))
        .findFirst()
        .orElseThrow()
        .stepId();
  }

  /** One contract per boundary: its type, generated validator and schema. */
  private static CodeBlock contracts(WriterContext ctx) {
    List<CodeBlock> contracts = new ArrayList<>();
    for (ValidationPlan.Entry entry : ctx.validation.entries) {
      BoundaryModel b = entry.model();
      CodeBlock boundary =
          switch (b.kind()) {
            case INPUT -> CodeBlock.of("$T.input()", Names.BOUNDARY);
            case OUTPUT -> CodeBlock.of("$T.output($S)", Names.BOUNDARY, b.id());
            case RESUME -> CodeBlock.of("$T.resume($S)", Names.BOUNDARY, b.id());
            case EVENT -> CodeBlock.of("$T.event($S)", Names.BOUNDARY, b.id());
          };
      String constant =
          switch (b.kind()) {
            case INPUT -> WriterContext.INPUT_CONSTANT;
            case OUTPUT -> WriterContext.outputConstant(b.id());
            case RESUME -> WriterContext.resumeConstant(b.id());
            case EVENT -> WriterContext.eventConstant(firstStepWaitingFor(ctx, b.id()));
          };
      contracts.add(
          CodeBlock.of(
              "new $T<$T>(\n$>$>$L,\n$L,\n$L,\n$T.$N$<$<)",
              Names.CONTRACT,
              ctx.boxed(b.type()),
              boundary,
              ctx.reflectType(b.type(), constant),
              entry.validator(),
              ctx.schemas,
              entry.constant()));
    }
    return CodeBlock.builder()
        .add("$T.of(\n", List.class)
        .indent()
        .indent()
        .add(CodeBlock.join(contracts, ",\n"))
        .unindent()
        .unindent()
        .add(")")
        .build();
  }

  private static CodeBlock graph(WriterContext ctx, FlowWriter flow) {
    List<CodeBlock> specs = new ArrayList<>();
    for (StepModel step : ctx.workflow.steps()) {
      List<CodeBlock> after = new ArrayList<>();
      step.afterIds().forEach(id -> after.add(CodeBlock.of("$S", id)));
      String retry =
          step.retry() == null ? null : step.ownRetry() ? retryConstant(step) : DEFAULT_RETRY;
      specs.add(
          CodeBlock.of(
              "new $T($S, $T.of($L), $T.$L, $L, $S, $S, $L)$L$L",
              Names.STEP_SPEC,
              step.stepId(),
              List.class,
              CodeBlock.join(after, ", "),
              Names.JOIN,
              step.join().name(),
              retry == null
                  ? CodeBlock.of("$T.NONE", Names.RETRY_POLICY)
                  : CodeBlock.of("$N", retry),
              step.when() == null ? null : step.when().name(),
              step.unless() == null ? null : step.unless().name(),
              step.suspendable(),
              options(step.options()),
              flow.withQueue(step)));
    }
    return CodeBlock.builder()
        .add("new $T(\n", Names.WORKFLOW_GRAPH)
        .indent()
        .indent()
        .add("$S,\n$S,\n", ctx.workflow.name(), GraphFingerprint.of(ctx.workflow))
        .add("$T.of(\n", List.class)
        .indent()
        .indent()
        .add(CodeBlock.join(specs, ",\n"))
        .unindent()
        .unindent()
        .add("),\n$S,\nMERMAID,\n", ctx.graph.resultStep(ctx.workflow))
        .add(StepFingerprints.code(ctx.workflow))
        .add(")")
        .unindent()
        .unindent()
        .build();
  }
}

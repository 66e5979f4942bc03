package dev.stepwise.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import dev.stepwise.processor.model.ConditionModel;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.shape.PathResolver;
import dev.stepwise.processor.shape.PathSegment;
import dev.stepwise.processor.util.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Writes the dispatch methods of the definition: {@code invokeStep} and {@code evaluateCondition},
 * each a {@code switch} that calls the user's method with arguments taken from the invocation, plus
 * one helper per {@code @From} path.
 */
final class DispatchWriter {
  private static final String INVOCATION = "invocation";

  private final WriterContext ctx;
  private final PathResolver paths;
  private final Elements elements;
  private final List<MethodSpec> pathHelpers = new ArrayList<>();
  private final Set<String> helperNames = new HashSet<>();

  DispatchWriter(WriterContext ctx, Elements elements) {
    this.ctx = ctx;
    this.elements = elements;
    this.paths = new PathResolver(elements, ctx.types);
  }

  MethodSpec invokeStep() {
    CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch (stepId)");
    for (StepModel step : ctx.workflow.steps()) {
      body.add("case $S:\n", step.stepId()).indent();
      CodeBlock call =
          CodeBlock.of(
              "workflow.$N($L)",
              step.method().getSimpleName(),
              arguments(step.stepId(), step.params()));
      if (step.isVoid()) {
        body.addStatement(call).addStatement("return null");
      } else {
        body.addStatement("return $L", call);
      }
      body.unindent();
    }
    body.add("default:\n").indent();
    body.addStatement(
        "throw new $T($S + stepId + $S)",
        IllegalArgumentException.class,
        "Unknown step \"",
        "\" in workflow \"" + ctx.workflow.name() + "\"");
    body.unindent().endControlFlow();
    return MethodSpec.methodBuilder("invokeStep")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(Object.class)
        .addParameter(String.class, "stepId")
        .addParameter(Names.STEP_INVOCATION, INVOCATION)
        .addException(Exception.class)
        .addCode(body.build())
        .build();
  }

  MethodSpec evaluateCondition() {
    CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch (conditionName)");
    for (ConditionModel condition : ctx.workflow.conditions()) {
      body.add("case $S:\n", condition.name()).indent();
      CodeBlock args = arguments(condition.name(), condition.params());
      if (condition.isStatic()) {
        body.addStatement("return $T.$N($L)", ctx.workflowClass, condition.name(), args);
      } else {
        body.addStatement("return workflow.$N($L)", condition.name(), args);
      }
      body.unindent();
    }
    body.add("default:\n").indent();
    body.addStatement(
        "throw new $T($S + conditionName + $S)",
        IllegalArgumentException.class,
        "Unknown condition \"",
        "\" in workflow \"" + ctx.workflow.name() + "\"");
    body.unindent().endControlFlow();
    return MethodSpec.methodBuilder("evaluateCondition")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(String.class, "conditionName")
        .addParameter(Names.STEP_INVOCATION, INVOCATION)
        .addException(Exception.class)
        .addCode(body.build())
        .build();
  }

  /** The path helpers the dispatch methods call; complete once both were written. */
  List<MethodSpec> pathHelpers() {
    return pathHelpers;
  }

  private CodeBlock arguments(String owner, List<ParamModel> params) {
    List<CodeBlock> args = new ArrayList<>();
    for (ParamModel p : params) {
      args.add(argument(owner, p));
    }
    // $W lets long argument lists wrap, one readable line per argument when needed.
    return CodeBlock.join(args, ",$W");
  }

  private CodeBlock argument(String owner, ParamModel p) {
    switch (p.kind()) {
      case INPUT:
        return CodeBlock.of(
            "$N.input($L)", INVOCATION, ctx.token(p.type(), WriterContext.INPUT_CONSTANT));
      case RESUME:
        return CodeBlock.of(
            "$N.resumePayload($L)",
            INVOCATION,
            ctx.token(p.optionalOf(), WriterContext.resumeConstant(owner)));
      case CONTEXT:
        return CodeBlock.of("$N.context()", INVOCATION);
      case EVENT:
        return CodeBlock.of(
            "$N.event($L)", INVOCATION, ctx.token(p.type(), WriterContext.eventConstant(owner)));
      case TRANSACTION:
        return CodeBlock.of("$N.transaction()", INVOCATION);
      case ITEM:
        return CodeBlock.of(
            "$N.item($L)", INVOCATION, ctx.token(p.type(), WriterContext.itemConstant(owner)));
      case PREVIOUS:
        // The step's own output type, so its output constant decodes the iteration before too.
        return CodeBlock.of(
            "$N.previous($L)",
            INVOCATION,
            ctx.token(p.optionalOf(), WriterContext.outputConstant(owner)));
      default:
        return fromArgument(owner, p);
    }
  }

  private CodeBlock fromArgument(String owner, ParamModel p) {
    Map<String, StepModel> steps = ctx.workflow.stepsById();
    StepModel source = steps.get(p.from().name());
    CodeBlock output =
        CodeBlock.of(
            "$N.output($S, $L)",
            INVOCATION,
            source.stepId(),
            ctx.token(source.output(), WriterContext.outputConstant(source.stepId())));
    if (p.path().isEmpty()) {
      return p.isOptional() ? CodeBlock.of("$T.ofNullable($L)", Optional.class, output) : output;
    }
    MethodSpec helper = pathHelper(owner, p, source);
    pathHelpers.add(helper);
    return p.isOptional()
        ? CodeBlock.of(
            "$T.ofNullable($L).map($T::$N)", Optional.class, output, ctx.definition, helper)
        : CodeBlock.of("$N($L)", helper, output);
  }

  /** Walks the path with a null check before each dereference, naming where it broke. */
  private MethodSpec pathHelper(String owner, ParamModel p, StepModel source) {
    String base = "read" + WriterContext.capitalize(owner) + WriterContext.capitalize(p.name());
    String name = base;
    // Steps and conditions share this namespace; a counter keeps rare clashes compilable.
    for (int n = 2; helperNames.contains(name); n++) {
      name = base + n;
    }
    helperNames.add(name);
    PathResolver.Resolution resolution =
        paths.resolve(source.output(), p.path(), elements.getPackageOf(ctx.workflow.type()));
    TypeMirror valueType = p.valueType();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addJavadoc("Reads $S from the output of step $S.\n", p.path(), source.stepId())
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(TypeName.get(valueType))
            .addParameter(ParameterSpec.builder(ctx.boxed(source.output()), "value").build());
    String current = "value";
    List<PathSegment> segments = resolution.segments();
    for (int i = 0; i < segments.size(); i++) {
      PathSegment s = segments.get(i);
      CodeBlock read =
          CodeBlock.of(
              "$T.require($N, $S, $S)$L",
              Names.PATH_VALUES,
              current,
              source.stepId(),
              s.pathBefore(),
              access(s));
      if (i == segments.size() - 1) {
        method.addStatement("return $L", read);
      } else {
        String next = "value" + (i + 1);
        method.addStatement("var $N = $L", next, read);
        current = next;
      }
    }
    return method.build();
  }

  private static CodeBlock access(PathSegment s) {
    if (s.accessor() == null) {
      return CodeBlock.of(".get($L)", s.index());
    }
    return s.isField() ? CodeBlock.of(".$N", s.accessor()) : CodeBlock.of(".$N()", s.accessor());
  }
}

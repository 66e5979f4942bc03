package dev.stepwise.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.util.Names;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XxxResult}: a snapshot of one run with every step's typed output, decoded once in
 * the constructor so that accessors never fail.
 */
final class ResultWriter {

  TypeSpec write(WriterContext ctx) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(ctx.result)
            .addJavadoc(
                "A run of workflow {@code $L} ($T) with typed step outputs.\n",
                ctx.workflow.name(),
                ctx.workflowClass)
            .addAnnotation(WriterContext.generated())
            .addModifiers(ctx.classModifiers())
            .addOriginatingElement(ctx.workflow.type())
            .addField(Names.RUN_STATUS, "run", Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addParameter(Names.RUN_STATUS, "run")
            .addParameter(Names.WORKFLOW_CLIENT, "client")
            .addStatement("this.run = run");
    for (StepModel step : ctx.workflow.steps()) {
      type.addField(stepType(ctx, step), step.stepId(), Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement(
          "this.$N = client.stepResult(run, $S, $L)",
          step.stepId(),
          step.stepId(),
          ctx.token(step.output(), WriterContext.outputConstant(step.stepId())));
    }
    type.addMethod(constructor.build());
    type.addMethod(
        getter(ctx, "runId", "The run id.")
            .returns(String.class)
            .addStatement("return run.runId()")
            .build());
    type.addMethod(
        getter(ctx, "status", "The run's status.")
            .returns(Names.STATUS)
            .addStatement("return run.status()")
            .build());
    type.addMethod(
        getter(ctx, "run", "The untyped snapshot this result was decoded from.")
            .returns(Names.RUN_STATUS)
            .addStatement("return run")
            .build());
    type.addMethod(
        getter(ctx, "isSucceeded", "True if the run succeeded.")
            .returns(boolean.class)
            .addStatement("return run.status() == $T.SUCCEEDED", Names.STATUS)
            .build());
    for (StepModel step : ctx.workflow.steps()) {
      type.addMethod(
          getter(ctx, step.stepId(), "Step {@code " + step.stepId() + "}: status and output.")
              .returns(stepType(ctx, step))
              .addStatement("return $N", step.stepId())
              .build());
    }
    type.addMethod(
        getter(ctx, "error", "The error that failed the run, if it failed.")
            .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), Names.STEP_ERROR))
            .addStatement("return $T.ofNullable(run.error())", Optional.class)
            .build());
    String resultStep = ctx.graph.resultStep(ctx.workflow);
    StepModel result = resultStep == null ? null : ctx.workflow.stepsById().get(resultStep);
    if (result != null && !result.isVoid()) {
      type.addMethod(
          getter(
                  ctx,
                  "output",
                  "The workflow's output: the output of step {@code "
                      + resultStep
                      + "}, or null unless it succeeded.")
              .returns(ctx.boxed(result.output()))
              .addStatement("return $N.succeeded() ? $N.output() : null", resultStep, resultStep)
              .build());
    }
    type.addMethod(toStringMethod(ctx));
    return type.build();
  }

  private static TypeName stepType(WriterContext ctx, StepModel step) {
    return ParameterizedTypeName.get(Names.STEP_RESULT, ctx.boxed(step.output()));
  }

  private static MethodSpec toStringMethod(WriterContext ctx) {
    CodeBlock.Builder text =
        CodeBlock.builder()
            .add(
                "$S + run.runId() + $S + run.status()",
                ctx.result.simpleName() + "{runId=",
                ", status=");
    for (StepModel step : ctx.workflow.steps()) {
      text.add("\n    + $S + $N.status()", ", " + step.stepId() + "=", step.stepId());
    }
    text.add("\n    + $S", "}");
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $L", text.build())
        .build();
  }

  private static MethodSpec.Builder getter(WriterContext ctx, String name, String javadoc) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("$L\n", javadoc)
        .addModifiers(ctx.memberModifiers());
  }
}

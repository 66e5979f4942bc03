package dev.stepwise.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.util.Names;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;

/** Writes {@code XxxRunner}: typed start, resume, status and wait methods over the client. */
final class RunnerWriter {

  TypeSpec write(WriterContext ctx) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(ctx.runner)
            .addJavadoc(
                "Starts and inspects runs of workflow {@code $L} ($T).\n",
                ctx.workflow.name(),
                ctx.workflowClass)
            .addAnnotation(WriterContext.generated())
            .addModifiers(ctx.classModifiers())
            .addOriginatingElement(ctx.workflow.type())
            .addField(Names.WORKFLOW_CLIENT, "client", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addJavadoc("Registers the workflow with the engine.\n")
                    .addModifiers(ctx.memberModifiers())
                    .addParameter(Names.STEPWISE, "engine")
                    .addParameter(ctx.workflowClass, "workflow")
                    .addStatement("this.client = engine.register(new $T(workflow))", ctx.definition)
                    .build());
    addStarts(ctx, type);
    for (StepModel step : ctx.workflow.steps()) {
      step.resume().ifPresent(p -> type.addMethod(resume(ctx, step, p.optionalOf())));
      step.resume().ifPresent(p -> type.addMethod(resumeJson(ctx, step)));
    }
    EventSenders.write(ctx).forEach(type::addMethod);
    ChildMethods.write(ctx).forEach(type::addMethod);
    TypeName result = ctx.result;
    type.addMethod(
        method(ctx, "status", "The run's current state, step by step.")
            .returns(Names.RUN_STATUS)
            .addParameter(String.class, "runId")
            .addStatement("return client.status(runId)")
            .build());
    type.addMethod(
        method(ctx, "result", "The run's current state with typed step outputs.")
            .returns(result)
            .addParameter(String.class, "runId")
            .addStatement("return toResult(client.status(runId))")
            .build());
    type.addMethod(await(ctx, "awaitCompletion", "finished (succeeded, failed or cancelled)"));
    type.addMethod(await(ctx, "awaitSettled", "finished or suspended"));
    type.addMethod(
        method(ctx, "cancel", "Cancels the run; false if it was already finished.")
            .returns(boolean.class)
            .addParameter(String.class, "runId")
            .addStatement("return client.cancel(runId)")
            .build());
    type.addMethod(
        method(
                ctx,
                "watch",
                "Delivers every state change of the run to {@code listener}, in order, until it"
                    + " finishes\nor the watch is closed.")
            .returns(Names.WATCH)
            .addParameter(String.class, "runId")
            .addParameter(Names.RUN_LISTENER, "listener")
            .addStatement("return client.watch(runId, listener)")
            .build());
    addLifecycle(ctx, type);
    type.addMethod(
        method(ctx, "list", "The most recent runs, newest first.")
            .returns(ParameterizedTypeName.get(ClassName.get(List.class), result))
            .addParameter(int.class, "limit")
            .addStatement("return client.list(limit).stream().map(this::toResult).toList()")
            .build());
    type.addMethod(
        method(ctx, "graph", "The workflow's graph.")
            .returns(Names.WORKFLOW_GRAPH)
            .addStatement("return client.graph()")
            .build());
    if (ctx.inputType().isPresent()) {
      type.addMethod(
          method(ctx, "inputSchema", "The JSON Schema (2020-12) of the workflow's input.")
              .returns(String.class)
              .addStatement("return $T.INPUT", ctx.schemas)
              .build());
    }
    type.addMethod(
        method(
                ctx,
                "contracts",
                "The type, validator and JSON Schema of each boundary: input, outputs, resume"
                    + " payloads.")
            .returns(
                ParameterizedTypeName.get(
                    ClassName.get(List.class),
                    ParameterizedTypeName.get(
                        Names.CONTRACT, WildcardTypeName.subtypeOf(Object.class))))
            .addStatement("return $T.CONTRACTS", ctx.definition)
            .build());
    type.addMethod(
        method(ctx, "mermaid", "The graph as a Mermaid flowchart.")
            .returns(String.class)
            .addStatement("return $T.MERMAID", ctx.definition)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("toResult")
            .addModifiers(Modifier.PRIVATE)
            .returns(result)
            .addParameter(Names.RUN_STATUS, "run")
            .addStatement("return new $T(run, client)", ctx.result)
            .build());
    return type.build();
  }

  /** start/startAsync, with and without options; without an @Input they take no input. */
  private void addStarts(WriterContext ctx, TypeSpec.Builder type) {
    Optional<TypeMirror> input = ctx.inputType();
    CodeBlock inputArg = input.isPresent() ? CodeBlock.of("input") : CodeBlock.of("null");
    TypeName handle = ParameterizedTypeName.get(Names.RUN_HANDLE, ctx.result);
    for (boolean async : List.of(false, true)) {
      String name = async ? "startAsync" : "start";
      MethodSpec.Builder plain =
          method(
                  ctx,
                  name,
                  async
                      ? "Starts a run and returns at once."
                      : "Starts a run and waits until it is finished or suspended.")
              .returns(async ? handle : ctx.result);
      MethodSpec.Builder withOptions =
          method(
                  ctx,
                  name,
                  async
                      ? "Starts a run with options and returns at once."
                      : "Starts a run with options and waits until it is finished or suspended.")
              .returns(async ? handle : ctx.result);
      if (input.isPresent()) {
        ParameterSpec p = ParameterSpec.builder(TypeName.get(input.get()), "input").build();
        plain.addParameter(p);
        withOptions.addParameter(p);
        plain.addStatement("return $N(input, $T.defaults())", name, Names.START_OPTIONS);
      } else {
        plain.addStatement("return $N($T.defaults())", name, Names.START_OPTIONS);
      }
      withOptions.addParameter(Names.START_OPTIONS, "options");
      if (async) {
        withOptions
            .addStatement("$T runId = client.start($L, options)", String.class, inputArg)
            .addStatement("return new $T<>(runId, client, this::toResult)", Names.RUN_HANDLE);
      } else {
        // The engine may run the steps on the caller's thread while it waits.
        withOptions.addStatement("return toResult(client.run($L, options))", inputArg);
      }
      type.addMethod(plain.build());
      type.addMethod(withOptions.build());
      if (!async) {
        MethodSpec.Builder bounded =
            method(
                    ctx,
                    name,
                    "Starts a run with options and waits at most {@code timeout} until it is"
                        + " finished or suspended; its steps run on the engine's workers. An {@code"
                        + " AwaitTimeoutException} says the run is still going.")
                .returns(ctx.result);
        input.ifPresent(
            t -> bounded.addParameter(ParameterSpec.builder(TypeName.get(t), "input").build()));
        bounded
            .addParameter(Names.START_OPTIONS, "options")
            .addParameter(Duration.class, "timeout")
            .addStatement("return toResult(client.run($L, options, timeout))", inputArg);
        type.addMethod(bounded.build());
      }
    }
    if (input.isPresent()) {
      String refused =
          " A {@code ValidationException} lists every problem with its path, and nothing is"
              + " stored.";
      type.addMethod(
          method(
                  ctx,
                  "startJson",
                  "Starts a run with input given as JSON and waits until it"
                      + " is finished or suspended."
                      + refused)
              .returns(ctx.result)
              .addParameter(String.class, "json")
              .addStatement("return startJson(json, $T.defaults())", Names.START_OPTIONS)
              .build());
      type.addMethod(
          method(
                  ctx,
                  "startJson",
                  "Starts a run with input given as JSON and options, and waits"
                      + " until it is finished or suspended."
                      + refused)
              .returns(ctx.result)
              .addParameter(String.class, "json")
              .addParameter(Names.START_OPTIONS, "options")
              .addStatement("$T runId = client.startJson(json, options)", String.class)
              .addStatement("return toResult(client.awaitSettled(runId, null))")
              .build());
      type.addMethod(
          method(
                  ctx,
                  "startJson",
                  "Starts a run with input given as JSON and options, and waits at most {@code"
                      + " timeout} until it is finished or suspended."
                      + refused)
              .returns(ctx.result)
              .addParameter(String.class, "json")
              .addParameter(Names.START_OPTIONS, "options")
              .addParameter(Duration.class, "timeout")
              .addStatement("$T runId = client.startJson(json, options)", String.class)
              .addStatement("return toResult(client.awaitSettled(runId, timeout))")
              .build());
      type.addMethod(
          method(
                  ctx,
                  "startJsonAsync",
                  "Starts a run with input given as JSON and returns at" + " once." + refused)
              .returns(handle)
              .addParameter(String.class, "json")
              .addParameter(Names.START_OPTIONS, "options")
              .addStatement("$T runId = client.startJson(json, options)", String.class)
              .addStatement("return new $T<>(runId, client, this::toResult)", Names.RUN_HANDLE)
              .build());
    }
  }

  private MethodSpec resume(WriterContext ctx, StepModel step, TypeMirror payload) {
    return method(
            ctx,
            "resume" + WriterContext.capitalize(step.stepId()),
            "Re-runs the suspended step {@code " + step.stepId() + "} with {@code payload}.")
        .addParameter(String.class, "runId")
        .addParameter(TypeName.get(payload), "payload")
        .addStatement("client.resume(runId, $S, payload)", step.stepId())
        .build();
  }

  private MethodSpec resumeJson(WriterContext ctx, StepModel step) {
    return method(
            ctx,
            "resume" + WriterContext.capitalize(step.stepId()) + "Json",
            "Re-runs the suspended step {@code "
                + step.stepId()
                + "} with a payload given as JSON; a {@code ValidationException} lists every"
                + " problem with its path, and the run stays suspended.")
        .addParameter(String.class, "runId")
        .addParameter(String.class, "json")
        .addStatement("client.resumeJson(runId, $S, json)", step.stepId())
        .build();
  }

  private MethodSpec await(WriterContext ctx, String name, String until) {
    return method(ctx, name, "Waits until the run is " + until + "; null waits without limit.")
        .returns(ctx.result)
        .addParameter(String.class, "runId")
        .addParameter(Duration.class, "timeout")
        .addStatement("return toResult(client.$N(runId, timeout))", name)
        .build();
  }

  /** Retry, the kept errors of a step, listing by query and the bulk operations. */
  private static void addLifecycle(WriterContext ctx, TypeSpec.Builder type) {
    type.addMethod(
        method(
                ctx,
                "retry",
                "Retries a failed or cancelled run from where it stopped: completed steps keep"
                    + " their\noutputs, the failed ones start again with a fresh attempt budget;"
                    + " false if the run\nis neither failed nor cancelled.")
            .returns(boolean.class)
            .addParameter(String.class, "runId")
            .addStatement("return client.retry(runId)")
            .build());
    type.addMethod(
        method(
                ctx,
                "fork",
                "Starts a new run from this one's state: the steps before {@code"
                    + " options.fromStep()}\nare copied with their outputs, that step and the"
                    + " ones after it run again; returns the\nnew run's id.")
            .returns(String.class)
            .addParameter(String.class, "runId")
            .addParameter(Names.FORK_OPTIONS, "options")
            .addStatement("return client.fork(runId, options)")
            .build());
    type.addMethod(
        method(ctx, "errors", "The errors of a step's failed attempts, oldest first.")
            .returns(ParameterizedTypeName.get(ClassName.get(List.class), Names.ATTEMPT_ERROR))
            .addParameter(String.class, "runId")
            .addParameter(String.class, "stepId")
            .addStatement("return client.errors(runId, stepId)")
            .build());
    type.addMethod(
        method(ctx, "list", "A page of runs matching {@code query}, newest first.")
            .returns(Names.RUN_PAGE)
            .addParameter(Names.RUN_QUERY, "query")
            .addStatement("return client.list(query)")
            .build());
    for (String[] bulk :
        new String[][] {
          {"cancelAll", "Cancels every unfinished run matching {@code query}, in batches."},
          {"retryAll", "Retries every failed or cancelled run matching {@code query}."},
          {"deleteAll", "Deletes every finished run matching {@code query}, in batches."}
        }) {
      type.addMethod(
          method(ctx, bulk[0], bulk[1] + " Returns how many.")
              .returns(int.class)
              .addParameter(Names.RUN_QUERY, "query")
              .addStatement("return client.$L(query)", bulk[0])
              .build());
    }
  }

  private static MethodSpec.Builder method(WriterContext ctx, String name, String javadoc) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("$L\n", javadoc)
        .addModifiers(ctx.memberModifiers());
  }
}

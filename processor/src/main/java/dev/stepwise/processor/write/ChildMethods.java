package dev.stepwise.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.stepwise.processor.util.Names;
import java.util.List;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/**
 * Writes the runner's child-workflow methods: {@code runAsChild} (run this workflow as the child of
 * a step of another workflow) and {@code resumeChild} (resume a suspended step of a child run
 * through its parent).
 */
final class ChildMethods {
  private ChildMethods() {}

  static List<MethodSpec> write(WriterContext ctx) {
    Optional<TypeMirror> input = ctx.inputType();
    MethodSpec.Builder runAsChild =
        MethodSpec.methodBuilder("runAsChild")
            .addJavadoc(
                "Runs this workflow as the child of the step executing with {@code parent} and"
                    + " returns its\nresult once it succeeded. Call it from that step: the step is"
                    + " parked in the database\nuntil the child finishes, then runs again and this"
                    + " returns. A failed or cancelled child\nthrows {@code"
                    + " ChildWorkflowException}.\n")
            .addModifiers(ctx.memberModifiers())
            .returns(ctx.result)
            .addParameter(Names.STEP_CONTEXT, "parent");
    CodeBlock arg = CodeBlock.of("null");
    if (input.isPresent()) {
      runAsChild.addParameter(TypeName.get(input.get()), "input");
      arg = CodeBlock.of("input");
    }
    runAsChild.addStatement("return toResult(client.runChild(parent, $L))", arg);
    MethodSpec resumeChild =
        MethodSpec.methodBuilder("resumeChild")
            .addJavadoc(
                "Resumes a suspended step of a child run through this run: {@code stepPath} is"
                    + " {@code\n\"parentStep/childStep\"}.\n")
            .addModifiers(ctx.memberModifiers())
            .addParameter(String.class, "runId")
            .addParameter(String.class, "stepPath")
            .addParameter(Object.class, "payload")
            .addStatement("client.resume(runId, stepPath, payload)")
            .build();
    return List.of(runAsChild.build(), resumeChild);
  }
}

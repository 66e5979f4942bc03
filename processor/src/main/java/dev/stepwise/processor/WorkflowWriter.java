package dev.stepwise.processor;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Writes the three generated files of a valid workflow: definition, runner and result. */
final class WorkflowWriter {
  private final Filer filer;
  private final Elements elements;
  private final Types types;

  WorkflowWriter(ProcessingEnvironment env) {
    this.filer = env.getFiler();
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
  }

  void write(WorkflowModel workflow) {
    WriterContext ctx = new WriterContext(workflow, elements, types);
    List<TypeSpec> files =
        List.of(
            new DefinitionWriter(elements).write(ctx),
            new RunnerWriter().write(ctx),
            new ResultWriter().write(ctx));
    for (TypeSpec file : files) {
      try {
        JavaFile.builder(ctx.definition.packageName(), file)
            .skipJavaLangImports(true)
            .build()
            .writeTo(filer);
      } catch (IOException e) {
        // The shell reports this on the workflow as an internal error.
        throw new UncheckedIOException(e);
      }
    }
  }
}

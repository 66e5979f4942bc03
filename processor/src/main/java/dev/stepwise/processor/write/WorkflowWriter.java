package dev.stepwise.processor.write;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.stepwise.processor.model.WorkflowModel;
import dev.stepwise.processor.shape.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the generated files of a valid workflow: definition, runner, result, schemas, the
 * validators of its types and its schema documents as resources.
 */
public final class WorkflowWriter {
  private final Filer filer;
  private final Elements elements;
  private final Types types;
  private final ValidatorNames validatorNames;

  public WorkflowWriter(ProcessingEnvironment env) {
    this.filer = env.getFiler();
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.validatorNames = new ValidatorNames(elements);
  }

  public void write(WorkflowModel workflow) {
    WriterContext ctx = new WriterContext(workflow, elements, types);
    String packageName = ctx.definition.packageName();
    ctx.validation = new ValidationPlan(workflow, elements, types, validatorNames, packageName);
    List<TypeSpec> files = new ArrayList<>();
    files.add(new DefinitionWriter(elements).write(ctx));
    files.add(new RunnerWriter().write(ctx));
    files.add(new ResultWriter().write(ctx));
    files.add(new SchemasWriter().write(ctx));
    ValidatorWriter validators =
        new ValidatorWriter(ctx.validation.objects, ctx.validation::validatorName);
    for (Shape.ObjectShape object : ctx.validation.validated.values()) {
      // A type shared by two workflows of one package gets one validator, written once.
      if (validatorNames.claim(ctx.validation.validatorName(object.key()))) {
        TypeSpec validator = validators.write(object, ValidatorWriter.isPublic(object.element()));
        files.add(validator.toBuilder().addOriginatingElement(workflow.type()).build());
      }
    }
    for (TypeSpec file : files) {
      try {
        JavaFile.builder(packageName, file).skipJavaLangImports(true).build().writeTo(filer);
      } catch (IOException e) {
        // The shell reports this on the workflow as an internal error.
        throw new UncheckedIOException(e);
      }
    }
    for (ValidationPlan.Entry entry : ctx.validation.entries) {
      writeSchemaResource(workflow, entry);
    }
  }

  /** {@code META-INF/stepwise/schemas/<workflow>/input.json}, for tools reading the class path. */
  private void writeSchemaResource(WorkflowModel workflow, ValidationPlan.Entry entry) {
    String path =
        "META-INF/stepwise/schemas/" + workflow.name() + "/" + entry.model().schemaName() + ".json";
    try {
      FileObject file =
          filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, workflow.type());
      try (Writer out = file.openWriter()) {
        out.write(entry.schema());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.stepwise.processor.write;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XxxSchemas}: the JSON Schema (2020-12) document of each boundary as a constant, so
 * the runner and the HTTP API serve them without reading resources.
 */
final class SchemasWriter {

  TypeSpec write(WriterContext ctx) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(ctx.schemas)
            .addJavadoc(
                "JSON Schema (2020-12) documents of the values crossing workflow {@code $L}: its"
                    + " input, step outputs and resume payloads.\n",
                ctx.workflow.name())
            .addAnnotation(WriterContext.generated())
            .addModifiers(ctx.classModifiers())
            .addOriginatingElement(ctx.workflow.type());
    for (ValidationPlan.Entry entry : ctx.validation.entries) {
      type.addField(
          FieldSpec.builder(
                  String.class,
                  entry.constant(),
                  memberModifiers(ctx, Modifier.STATIC, Modifier.FINAL))
              .addJavadoc("The schema of $L.\n", lower(entry.model().description()))
              .initializer("$S", entry.schema())
              .build());
    }
    return type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
  }

  private static Modifier[] memberModifiers(WriterContext ctx, Modifier... more) {
    Modifier[] visibility = ctx.memberModifiers();
    Modifier[] all = new Modifier[visibility.length + more.length];
    System.arraycopy(visibility, 0, all, 0, visibility.length);
    System.arraycopy(more, 0, all, visibility.length, more.length);
    return all;
  }

  static String lower(String description) {
    return Character.toLowerCase(description.charAt(0)) + description.substring(1);
  }
}

package dev.stepwise.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.stepwise.processor.model.Ref;
import dev.stepwise.processor.shape.PathResolver;
import dev.stepwise.processor.shape.PathSegment;
import dev.stepwise.processor.util.Mirrors;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Writes the definition's {@code concurrencyKey(Object input)}: the input cast to its type, the
 * key's path walked with the accessors a {@code @From} path uses, null as soon as a value on the
 * way is null (or a list is too short), and the value as text.
 */
final class ConcurrencyKeyWriter {
  private final WriterContext ctx;
  private final PathResolver paths;
  private final Elements elements;

  ConcurrencyKeyWriter(WriterContext ctx, Elements elements) {
    this.ctx = ctx;
    this.elements = elements;
    this.paths = new PathResolver(elements, ctx.types);
  }

  /** The override; only for a workflow whose key the graph rules resolved on its input. */
  MethodSpec write(Ref key) {
    TypeMirror input = ctx.inputType().orElseThrow();
    PathResolver.Resolution resolution =
        paths.resolve(input, key.name(), elements.getPackageOf(ctx.workflow.type()));
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("concurrencyKey")
            .addJavadoc(
                "Reads $S from the input; null if a value on the way is null.\n", key.name())
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addParameter(Object.class, "input");
    if (ctx.needsTypeReference(input)) {
      // The engine hands over the input it decoded with this definition's own type reference.
      method.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "$S", "unchecked")
              .build());
    }
    method.addStatement("$T value = ($T) input", ctx.boxed(input), ctx.boxed(input));
    String current = "value";
    List<PathSegment> segments = resolution.segments();
    for (int i = 0; i < segments.size(); i++) {
      PathSegment s = segments.get(i);
      method
          .beginControlFlow("if ($N == null)", current)
          .addStatement("return null")
          .endControlFlow();
      if (s.accessor() == null) {
        // An index past the end reads as absent, like a null: starting the run must not fail.
        method
            .beginControlFlow("if ($N.size() <= $L)", current, s.index())
            .addStatement("return null")
            .endControlFlow();
      }
      CodeBlock read = CodeBlock.of("$N$L", current, access(s));
      if (i == segments.size() - 1) {
        method.addCode(asText(read, s.type()));
      } else {
        String next = "value" + (i + 1);
        method.addStatement("var $N = $L", next, read);
        current = next;
      }
    }
    return method.build();
  }

  /** A String as it is; a primitive through String.valueOf; a boxed or big number, null-safe. */
  private static CodeBlock asText(CodeBlock read, TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return CodeBlock.builder().addStatement("return $T.valueOf($L)", String.class, read).build();
    }
    if (Mirrors.isNamed(type, "java.lang.String")) {
      return CodeBlock.builder().addStatement("return $L", read).build();
    }
    return CodeBlock.builder()
        .addStatement("var key = $L", read)
        .addStatement("return key == null ? null : key.toString()")
        .build();
  }

  private static CodeBlock access(PathSegment s) {
    if (s.accessor() == null) {
      return CodeBlock.of(".get($L)", s.index());
    }
    return s.isField() ? CodeBlock.of(".$N", s.accessor()) : CodeBlock.of(".$N()", s.accessor());
  }
}

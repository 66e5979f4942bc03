package dev.stepwise.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.WorkflowModel;
import dev.stepwise.processor.util.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** What the writers share about one workflow: generated names, visibility and type tokens. */
final class WriterContext {
  final WorkflowModel workflow;
  final StepGraph graph;
  final Types types;
  final ClassName workflowClass;
  final ClassName definition;
  final ClassName runner;
  final ClassName result;
  final ClassName schemas;

  /** Validators and schemas of the boundaries; set by the writer before the files are written. */
  ValidationPlan validation;

  WriterContext(WorkflowModel workflow, Elements elements, Types types) {
    this.workflow = workflow;
    this.graph = new StepGraph(workflow);
    this.types = types;
    this.workflowClass = ClassName.get(workflow.type());
    PackageElement pkg = elements.getPackageOf(workflow.type());
    String prefix = prefix(workflow.type());
    String packageName = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
    this.definition = ClassName.get(packageName, prefix + "Definition");
    this.runner = ClassName.get(packageName, prefix + "Runner");
    this.result = ClassName.get(packageName, prefix + "Result");
    this.schemas = ClassName.get(packageName, prefix + "Schemas");
  }

  /** Outer_Inner for a nested class, so generated names stay unique per package. */
  private static String prefix(TypeElement type) {
    List<String> names = new ArrayList<>();
    Element e = type;
    while (e instanceof TypeElement t) {
      names.add(0, t.getSimpleName().toString());
      e = t.getEnclosingElement();
    }
    return String.join("_", names);
  }

  /** Public only when the workflow class is, so generated code is no more visible than it. */
  Modifier[] classModifiers() {
    return workflow.type().getModifiers().contains(Modifier.PUBLIC)
        ? new Modifier[] {Modifier.PUBLIC, Modifier.FINAL}
        : new Modifier[] {Modifier.FINAL};
  }

  /** The same visibility for the members callers use. */
  Modifier[] memberModifiers() {
    return workflow.type().getModifiers().contains(Modifier.PUBLIC)
        ? new Modifier[] {Modifier.PUBLIC}
        : new Modifier[] {};
  }

  static AnnotationSpec generated() {
    return AnnotationSpec.builder(Names.GENERATED)
        .addMember("value", "$S", Names.PROCESSOR)
        .build();
  }

  /** The workflow's input type: the type of its first @Input, if any. */
  Optional<TypeMirror> inputType() {
    return workflow
        .allParams()
        .filter(p -> p.kind() == ParamKind.INPUT)
        .findFirst()
        .map(ParamModel::type);
  }

  TypeName boxed(TypeMirror type) {
    if (type.getKind() == TypeKind.VOID) {
      return ClassName.get(Void.class);
    }
    return TypeName.get(type).box();
  }

  /** Generic types need a TypeReference: their class literal would lose the type arguments. */
  boolean needsTypeReference(TypeMirror type) {
    return (type.getKind() == TypeKind.DECLARED || type.getKind() == TypeKind.ARRAY)
        && !types.isSameType(type, types.erasure(type));
  }

  /**
   * A token to decode {@code type}: {@code X.class}, or the TypeReference constant named {@code
   * constant} in the definition class.
   */
  CodeBlock token(TypeMirror type, String constant) {
    if (needsTypeReference(type)) {
      return CodeBlock.of("$T.$N", definition, constant);
    }
    if (type.getKind() == TypeKind.VOID) {
      return CodeBlock.of("$T.class", Void.class);
    }
    return CodeBlock.of("$T.class", TypeName.get(types.erasure(type)).box());
  }

  /** An expression for the {@code java.lang.reflect.Type} of {@code type}, for decoding JSON. */
  CodeBlock reflectType(TypeMirror type, String constant) {
    if (needsTypeReference(type)) {
      return CodeBlock.of("$N.getType()", constant);
    }
    return CodeBlock.of("$T.class", TypeName.get(types.erasure(type)).box());
  }

  static String outputConstant(String stepId) {
    return upperSnake(stepId) + "_OUTPUT";
  }

  static String eventConstant(String stepId) {
    return upperSnake(stepId) + "_EVENT";
  }

  static String itemConstant(String stepId) {
    return upperSnake(stepId) + "_ITEM";
  }

  static String resumeConstant(String stepId) {
    return upperSnake(stepId) + "_RESUME";
  }

  static final String INPUT_CONSTANT = "INPUT_TYPE";

  /** {@code chargeCard} to {@code CHARGE_CARD}. */
  static String upperSnake(String id) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(id.charAt(i - 1))) {
        out.append('_');
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }

  static String capitalize(String id) {
    return Character.toUpperCase(id.charAt(0)) + id.substring(1);
  }
}

package dev.stepwise.processor.parse;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.ConditionModel;
import dev.stepwise.processor.model.JoinKind;
import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.Ref;
import dev.stepwise.processor.model.RetryModel;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.util.Mirrors;
import dev.stepwise.processor.util.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Turns one {@code @Step} or {@code @Condition} method into its model, reporting every problem. */
final class MethodParser {
  /** Methods of the generated result that a step accessor of the same name would clash with. */
  private static final Set<String> RESERVED_IDS =
      Set.of(
          "runId",
          "status",
          "run",
          "output",
          "error",
          "isSucceeded",
          "toString",
          "hashCode",
          "equals",
          "getClass",
          "notify",
          "notifyAll",
          "wait",
          "clone",
          "finalize");

  private final Diagnostics diag;
  private final Mirrors mirrors;
  private final ParamParser params;
  private final RetryParser retries;
  private final StepOptionsParser options;

  private final Types types;

  MethodParser(Diagnostics diag, Mirrors mirrors, Types types, QueueParser queues) {
    this.diag = diag;
    this.mirrors = mirrors;
    this.types = types;
    this.params = new ParamParser(diag, mirrors);
    this.retries = new RetryParser(diag, mirrors);
    this.options = new StepOptionsParser(diag, mirrors, queues);
  }

  /**
   * Parses a step; {@code signature} is the method as a member of the workflow class (see {@link
   * ParamParser#parseAll}), {@code classRetry} the class's policy, used when the step has none.
   * Problems are reported, and the step is still returned (without its bad parts) so that the graph
   * rules know it exists and do not report it again as unknown.
   */
  StepModel step(
      ExecutableElement method,
      ExecutableType signature,
      AnnotationMirror step,
      Optional<RetryModel> classRetry) {
    checkCallable(method, "Step");
    if (method.getModifiers().contains(Modifier.STATIC)) {
      diag.error(method, Messages.STEP_STATIC, method.getSimpleName());
    }
    Ref id = stepId(method, step);
    Optional<AnnotationMirror> after = Mirrors.find(method, Names.AFTER);
    List<Ref> afterRefs =
        after
            .map(a -> mirrors.list(a, "value").stream().map(MethodParser::ref).toList())
            .orElse(List.of());
    JoinKind join = after.map(this::join).orElse(JoinKind.ALL);
    // A step's @Retry replaces the class's wholesale: attributes it leaves out take the
    // annotation defaults, not the class's values, so a step's policy reads in one place.
    Optional<AnnotationMirror> ownRetryMirror = Mirrors.find(method, Names.RETRY);
    Optional<RetryModel> retry =
        ownRetryMirror.isPresent() ? retries.parse(method, ownRetryMirror.get()) : classRetry;
    List<ParamModel> parsed = params.parseAll(method, signature);
    checkOneResume(method, parsed);
    return new StepModel(
        method,
        step,
        id,
        after.orElse(null),
        afterRefs,
        join,
        conditionRef(step, "when"),
        conditionRef(step, "unless"),
        retry.orElse(null),
        ownRetryMirror.isPresent(),
        parsed,
        output(method, signature.getReturnType()),
        options.parse(method, step, after.orElse(null), parsed));
  }

  /**
   * The output downstream sees: the return type, or for a {@code @Parallel} step the {@code List}
   * of the per-element results (a void step stays void).
   */
  private TypeMirror output(ExecutableElement method, TypeMirror returns) {
    if (Mirrors.find(method, Names.PARALLEL).isEmpty() || returns.getKind() == TypeKind.VOID) {
      return returns;
    }
    TypeMirror element =
        returns.getKind().isPrimitive()
            ? types.boxedClass((PrimitiveType) returns).asType()
            : returns;
    TypeElement list = mirrors.elements().getTypeElement("java.util.List");
    return types.getDeclaredType(list, element);
  }

  /** Parses a condition; it may read only @Input and @From and must return boolean. */
  ConditionModel condition(
      ExecutableElement method, ExecutableType signature, AnnotationMirror condition) {
    checkCallable(method, "Condition");
    TypeMirror returns = signature.getReturnType();
    boolean isBoolean =
        returns.getKind() == TypeKind.BOOLEAN || Mirrors.isNamed(returns, "java.lang.Boolean");
    if (!isBoolean) {
      // On the method, not the annotation: the return type is what needs fixing.
      diag.error(method, Messages.CONDITION_NOT_BOOLEAN, method.getSimpleName(), returns);
    }
    List<ParamModel> parsed = new ArrayList<>();
    for (ParamModel p : params.parseAll(method, signature)) {
      if (p.kind() == ParamKind.RESUME
          || p.kind() == ParamKind.CONTEXT
          || p.kind() == ParamKind.ITEM
          || p.kind() == ParamKind.EVENT
          || p.kind() == ParamKind.TRANSACTION
          || p.kind() == ParamKind.PREVIOUS) {
        String what =
            switch (p.kind()) {
              case RESUME -> "a @Resume parameter";
              case ITEM -> "an @Item parameter";
              case EVENT -> "an @Event parameter";
              case TRANSACTION -> "a DSLContext";
              case PREVIOUS -> "a @Previous parameter";
              default -> "a StepContext";
            };
        diag.error(
            p.element(),
            p.mirror(),
            null,
            Messages.CONDITION_FORBIDDEN_PARAM,
            method.getSimpleName(),
            what,
            p.name());
      } else {
        parsed.add(p);
      }
    }
    return new ConditionModel(method, condition, parsed);
  }

  /** Modifiers and type parameters sit on the declaration, so errors go on the method. */
  private void checkCallable(ExecutableElement method, String kind) {
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      diag.error(method, Messages.METHOD_PRIVATE, kind, method.getSimpleName());
    }
    if (!method.getTypeParameters().isEmpty()) {
      diag.error(method, Messages.METHOD_GENERIC, kind, method.getSimpleName());
    }
  }

  private Ref stepId(ExecutableElement method, AnnotationMirror step) {
    String written = mirrors.string(step, "id");
    AnnotationValue value = Mirrors.explicitValue(step, "id");
    String id = written.isEmpty() ? method.getSimpleName().toString() : written;
    // A written id is underlined; an implicit one is the method's name, so the method is.
    AnnotationMirror spot = value == null ? null : step;
    // isName would accept "a.b" (a qualified name), which cannot name a generated method.
    if (!SourceVersion.isIdentifier(id) || SourceVersion.isKeyword(id)) {
      diag.error(method, spot, value, Messages.STEP_ID_INVALID, id);
    } else if (RESERVED_IDS.contains(id)) {
      diag.error(method, spot, value, Messages.STEP_ID_RESERVED, id, id);
    }
    return new Ref(id, value);
  }

  private void checkOneResume(ExecutableElement method, List<ParamModel> parsed) {
    List<ParamModel> resumes = parsed.stream().filter(p -> p.kind() == ParamKind.RESUME).toList();
    for (ParamModel extra : resumes.subList(Math.min(1, resumes.size()), resumes.size())) {
      diag.error(
          extra.element(),
          extra.mirror(),
          null,
          Messages.RESUME_TWICE,
          method.getSimpleName(),
          resumes.get(0).name(),
          extra.name());
    }
  }

  private JoinKind join(AnnotationMirror after) {
    // An enum value arrives as the constant's element; its simple name is the constant's name.
    VariableElement constant = (VariableElement) mirrors.value(after, "join").getValue();
    return JoinKind.valueOf(constant.getSimpleName().toString());
  }

  private Ref conditionRef(AnnotationMirror step, String attribute) {
    String name = mirrors.string(step, attribute);
    return name.isEmpty() ? null : new Ref(name, Mirrors.explicitValue(step, attribute));
  }

  private static Ref ref(AnnotationValue value) {
    // valueOf, not a cast: an unresolvable constant arrives as something else, and javac reports
    // it.
    return new Ref(String.valueOf(value.getValue()), value);
  }
}

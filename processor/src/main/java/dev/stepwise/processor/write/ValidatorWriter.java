package dev.stepwise.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.stepwise.processor.shape.ConstraintKind;
import dev.stepwise.processor.shape.ConstraintModel;
import dev.stepwise.processor.shape.ScalarKind.Family;
import dev.stepwise.processor.shape.Shape;
import dev.stepwise.processor.shape.Shape.ListShape;
import dev.stepwise.processor.shape.Shape.MapShape;
import dev.stepwise.processor.shape.Shape.ObjectShape;
import dev.stepwise.processor.shape.Shape.OptionalShape;
import dev.stepwise.processor.shape.Shape.Property;
import dev.stepwise.processor.shape.Shape.Scalar;
import dev.stepwise.processor.shape.Shape.Slot;
import dev.stepwise.processor.util.Names;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes the validator of one object type: a {@code validate} method that reads each property once
 * and checks its constraints in declaration order, descending into {@code @Valid} values and
 * container elements with the path kept in {@code Violations}.
 */
final class ValidatorWriter {
  private final Map<String, List<Property>> objects;
  private final Function<String, ClassName> validatorName;

  /** Per class being written: hoisted constants and the names taken. */
  private final List<FieldSpec> constants = new ArrayList<>();

  private final Set<String> names = new HashSet<>();

  /** The property being checked, which names its constants ({@code TAGS_ELEMENT_PATTERN}). */
  private String current;

  /**
   * @param validatorName the generated validator class of an object type, by qualified name
   */
  ValidatorWriter(Map<String, List<Property>> objects, Function<String, ClassName> validatorName) {
    this.objects = objects;
    this.validatorName = validatorName;
  }

  TypeSpec write(ObjectShape object, boolean isPublic) {
    constants.clear();
    names.clear();
    ClassName self = validatorName.apply(object.key());
    TypeName type = ClassName.get(object.element());
    CodeBlock.Builder body = CodeBlock.builder();
    names.add("value");
    names.add("out");
    for (Property p : objects.get(object.key())) {
      if (!hasWork(p.slot())) {
        continue;
      }
      current = p.name();
      String var = fresh(p.name());
      body.addStatement(
          "$T $N = value.$N()", TypeName.get(p.slot().shape().type()), var, p.accessor());
      checks(body, var, p.slot(), p.name());
    }
    if (body.isEmpty()) {
      body.add("// $T declares no constraints and cascades to nothing.\n", type);
    }
    Modifier[] modifiers =
        isPublic
            ? new Modifier[] {Modifier.PUBLIC, Modifier.FINAL}
            : new Modifier[] {Modifier.FINAL};
    TypeSpec.Builder spec =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                "Checks {@link $T} against the Jakarta constraints declared on it, as plain code.\n",
                type)
            .addAnnotation(WriterContext.generated())
            .addModifiers(modifiers)
            .addSuperinterface(ParameterizedTypeName.get(Names.VALIDATOR, type))
            .addField(
                FieldSpec.builder(self, "INSTANCE", modifiers(isPublic, true))
                    .addJavadoc("The only instance: a validator keeps no state.\n")
                    .initializer("new $T()", self)
                    .build());
    MethodSpec validate =
        MethodSpec.methodBuilder("validate")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(type, "value")
            .addParameter(Names.VIOLATIONS, "out")
            .addCode(body.build())
            .build();
    constants.forEach(spec::addField);
    return spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(validate)
        .build();
  }

  private static Modifier[] modifiers(boolean isPublic, boolean constant) {
    List<Modifier> m = new ArrayList<>();
    if (isPublic) {
      m.add(Modifier.PUBLIC);
    }
    if (constant) {
      m.add(Modifier.STATIC);
      m.add(Modifier.FINAL);
    }
    return m.toArray(Modifier[]::new);
  }

  /** Whether any code is needed for the value in this slot. */
  boolean hasWork(Slot slot) {
    Shape shape = slot.shape();
    boolean checks =
        slot.constraints().stream()
            .anyMatch(
                c ->
                    !(c.kind() == ConstraintKind.NOT_NULL
                        && shape instanceof Scalar s
                        && s.primitive()));
    if (checks) {
      return true;
    }
    if (shape instanceof ObjectShape) {
      return slot.cascade();
    }
    if (shape instanceof ListShape l) {
      return hasWork(l.element());
    }
    if (shape instanceof MapShape m) {
      return hasWork(m.value());
    }
    if (shape instanceof OptionalShape o) {
      return hasWork(o.value());
    }
    return false;
  }

  /**
   * Checks {@code var}; violations go to {@code property} of the current path, or to the current
   * path itself when {@code property} is null (container elements).
   */
  private void checks(CodeBlock.Builder code, String var, Slot slot, String property) {
    Shape shape = slot.shape();
    for (ConstraintModel c : slot.constraints()) {
      CodeBlock invalid = invalid(c, var, shape, property);
      if (invalid == null) {
        continue;
      }
      code.beginControlFlow("if ($L)", invalid);
      if (property == null) {
        code.addStatement("out.add($S)", c.message());
      } else {
        code.addStatement("out.add($S, $S)", property, c.message());
      }
      code.endControlFlow();
    }
    if (shape instanceof ObjectShape o && slot.cascade()) {
      cascade(code, var, o, property);
    } else if (shape instanceof ListShape l && hasWork(l.element())) {
      elements(code, var, l, property);
    } else if (shape instanceof MapShape m && hasWork(m.value())) {
      values(code, var, m, property);
    } else if (shape instanceof OptionalShape o && hasWork(o.value())) {
      code.beginControlFlow("if ($N != null && $N.isPresent())", var, var);
      String present = fresh(var + "Value");
      code.addStatement("$T $N = $N.get()", TypeName.get(o.value().shape().type()), present, var);
      checks(code, present, o.value(), property);
      code.endControlFlow();
    }
  }

  /** {@code @Valid}: the object's own validator, one level down the path. */
  private void cascade(CodeBlock.Builder code, String var, ObjectShape o, String property) {
    code.beginControlFlow("if ($N != null)", var);
    enter(code, property);
    code.addStatement("$T.INSTANCE.validate($N, out)", validatorName.apply(o.key()), var);
    leave(code, property);
    code.endControlFlow();
  }

  /** Each element of a list, set or array, at {@code [i]}. */
  private void elements(CodeBlock.Builder code, String var, ListShape l, String property) {
    code.beginControlFlow("if ($N != null)", var);
    enter(code, property);
    String index = fresh("i");
    String element = fresh("element");
    code.addStatement("int $N = 0", index);
    code.beginControlFlow(
        "for ($T $N : $N)", TypeName.get(l.element().shape().type()), element, var);
    code.addStatement("out.enterIndex($N++)", index);
    checks(code, element, l.element(), null);
    code.addStatement("out.leave()");
    code.endControlFlow();
    leave(code, property);
    code.endControlFlow();
  }

  /** Each value of a map, at {@code .key}. */
  private void values(CodeBlock.Builder code, String var, MapShape m, String property) {
    code.beginControlFlow("if ($N != null)", var);
    enter(code, property);
    String entry = fresh("entry");
    String element = fresh("element");
    TypeName valueType = TypeName.get(m.value().shape().type()).box();
    code.beginControlFlow(
        "for ($T<$T, $T> $N : $N.entrySet())",
        Map.Entry.class,
        String.class,
        valueType,
        entry,
        var);
    code.addStatement("out.enterKey($N.getKey())", entry);
    code.addStatement("$T $N = $N.getValue()", valueType, element, entry);
    checks(code, element, m.value(), null);
    code.addStatement("out.leave()");
    code.endControlFlow();
    leave(code, property);
    code.endControlFlow();
  }

  private static void enter(CodeBlock.Builder code, String property) {
    if (property != null) {
      code.addStatement("out.enter($S)", property);
    }
  }

  private static void leave(CodeBlock.Builder code, String property) {
    if (property != null) {
      code.addStatement("out.leave()");
    }
  }

  /** The condition under which {@code var} breaks {@code c}; null when it never can. */
  private CodeBlock invalid(ConstraintModel c, String var, Shape shape, String property) {
    boolean primitive = shape instanceof Scalar s && s.primitive();
    Family family = shape instanceof Scalar s ? s.kind().family : null;
    CodeBlock present = primitive ? CodeBlock.of("") : CodeBlock.of("$N != null && ", var);
    return switch (c.kind()) {
      case NOT_NULL -> primitive ? null : CodeBlock.of("$N == null", var);
      case NOT_BLANK -> CodeBlock.of("$T.isBlank($N)", Names.CHECKS, var);
      case NOT_EMPTY ->
          isArray(shape)
              ? CodeBlock.of("$N == null || $N.length == 0", var, var)
              : CodeBlock.of("$N == null || $N.isEmpty()", var, var);
      case SIZE ->
          size(
              c,
              var,
              isArray(shape)
                  ? CodeBlock.of("$N.length", var)
                  : CodeBlock.of("$N.$N()", var, family == Family.TEXT ? "length" : "size"));
      case MIN -> compare(present, var, family, BigDecimal.valueOf(c.longValue("value")), "<");
      case MAX -> compare(present, var, family, BigDecimal.valueOf(c.longValue("value")), ">");
      case POSITIVE -> sign(present, var, family, "<=");
      case POSITIVE_OR_ZERO -> sign(present, var, family, "<");
      case NEGATIVE -> sign(present, var, family, ">=");
      case NEGATIVE_OR_ZERO -> sign(present, var, family, ">");
      case DECIMAL_MIN -> decimal(c, present, var, family, property, true);
      case DECIMAL_MAX -> decimal(c, present, var, family, property, false);
      case PATTERN ->
          CodeBlock.of(
              "$N != null && !$N.matcher($N).matches()", var, pattern(c, property, "PATTERN"), var);
      case EMAIL -> email(c, var, property);
      case PAST -> temporal(var, shape, "!$N.isBefore($T.now())");
      case PAST_OR_PRESENT -> temporal(var, shape, "$N.isAfter($T.now())");
      case FUTURE -> temporal(var, shape, "!$N.isAfter($T.now())");
      case FUTURE_OR_PRESENT -> temporal(var, shape, "$N.isBefore($T.now())");
      case ASSERT_TRUE -> CodeBlock.of("$L!$N", present, var);
      case ASSERT_FALSE -> CodeBlock.of("$L$N", present, var);
    };
  }

  private static boolean isArray(Shape shape) {
    return shape instanceof ListShape l && l.array();
  }

  private static CodeBlock size(ConstraintModel c, String var, CodeBlock length) {
    long min = c.longValue("min");
    long max = c.longValue("max");
    List<CodeBlock> bounds = new ArrayList<>();
    if (min > 0) {
      bounds.add(CodeBlock.of("$L < $L", length, min));
    }
    if (max < Integer.MAX_VALUE) {
      bounds.add(CodeBlock.of("$L > $L", length, max));
    }
    if (bounds.isEmpty()) {
      return null;
    }
    CodeBlock either = CodeBlock.join(bounds, " || ");
    return bounds.size() == 1
        ? CodeBlock.of("$N != null && $L", var, either)
        : CodeBlock.of("$N != null && ($L)", var, either);
  }

  /** {@code value < bound} for primitives and boxes, {@code compareTo} for big numbers. */
  private static CodeBlock compare(
      CodeBlock present, String var, Family family, BigDecimal bound, String operator) {
    long value = bound.longValueExact();
    return switch (family) {
      case BIG_INTEGER ->
          CodeBlock.of(
              "$L$N.compareTo($T.valueOf($LL)) $L 0",
              present,
              var,
              BigInteger.class,
              value,
              operator);
      case BIG_DECIMAL ->
          CodeBlock.of(
              "$L$N.compareTo($T.valueOf($LL)) $L 0",
              present,
              var,
              BigDecimal.class,
              value,
              operator);
      default -> CodeBlock.of("$L$N $L $LL", present, var, operator, value);
    };
  }

  private static CodeBlock sign(CodeBlock present, String var, Family family, String operator) {
    if (family == Family.BIG_INTEGER || family == Family.BIG_DECIMAL) {
      return CodeBlock.of("$L$N.signum() $L 0", present, var, operator);
    }
    return CodeBlock.of("$L$N $L 0", present, var, operator);
  }

  private CodeBlock decimal(
      ConstraintModel c,
      CodeBlock present,
      String var,
      Family family,
      String property,
      boolean min) {
    String constant = constantName(property, min ? "DECIMAL_MIN" : "DECIMAL_MAX");
    constants.add(
        FieldSpec.builder(
                BigDecimal.class, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T($S)", BigDecimal.class, c.string("value"))
            .build());
    CodeBlock decimal =
        switch (family) {
          case BIG_DECIMAL -> CodeBlock.of("$N", var);
          case BIG_INTEGER -> CodeBlock.of("new $T($N)", BigDecimal.class, var);
          default -> CodeBlock.of("$T.valueOf($N)", BigDecimal.class, var);
        };
    boolean inclusive = c.bool("inclusive");
    String operator = min ? (inclusive ? "<" : "<=") : (inclusive ? ">" : ">=");
    return CodeBlock.of("$L$L.compareTo($N) $L 0", present, decimal, constant, operator);
  }

  private CodeBlock email(ConstraintModel c, String var, String property) {
    String regexp = c.string("regexp");
    if (regexp.equals(".*") && flags(c).isEmpty()) {
      return CodeBlock.of("!$T.isEmail($N)", Names.CHECKS, var);
    }
    String pattern = pattern(c, property, "EMAIL_PATTERN");
    return CodeBlock.of(
        "$N != null && (!$T.isEmail($N) || !$N.matcher($N).matches())",
        var,
        Names.CHECKS,
        var,
        pattern,
        var);
  }

  private static CodeBlock temporal(String var, Shape shape, String format) {
    return CodeBlock.builder()
        .add("$N != null && ", var)
        .add(format, var, TypeName.get(shape.type()))
        .build();
  }

  /** Hoists a compiled {@code Pattern} into a constant, so it is compiled once. */
  private String pattern(ConstraintModel c, String property, String suffix) {
    String constant = constantName(property, suffix);
    List<String> flags = flags(c);
    CodeBlock init =
        flags.isEmpty()
            ? CodeBlock.of("$T.compile($S)", Pattern.class, c.string("regexp"))
            : CodeBlock.of(
                "$T.compile($S, $L)",
                Pattern.class,
                c.string("regexp"),
                CodeBlock.join(
                    flags.stream().map(f -> CodeBlock.of("$T.$N", Pattern.class, f)).toList(),
                    " | "));
    constants.add(
        FieldSpec.builder(
                Pattern.class, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(init)
            .build());
    return constant;
  }

  @SuppressWarnings("unchecked") // read as List<String> by ConstraintReader
  private static List<String> flags(ConstraintModel c) {
    Object flags = c.attributes().get("flags");
    return flags == null ? List.of() : (List<String>) flags;
  }

  private String constantName(String property, String suffix) {
    String base =
        WriterContext.upperSnake(current) + (property == null ? "_ELEMENT_" : "_") + suffix;
    String name = base;
    for (int i = 2; !names.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  /** A local variable name not taken yet and not a keyword. */
  private String fresh(String base) {
    String name = SourceVersion.isKeyword(base) ? base + "Value" : base;
    String candidate = name;
    for (int i = 2; !names.add(candidate); i++) {
      candidate = name + i;
    }
    return candidate;
  }

  static boolean isPublic(TypeElement type) {
    return type.getModifiers().contains(Modifier.PUBLIC);
  }
}

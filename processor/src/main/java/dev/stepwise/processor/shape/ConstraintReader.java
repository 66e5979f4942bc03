package dev.stepwise.processor.shape;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.shape.Shape.ListShape;
import dev.stepwise.processor.shape.Shape.MapShape;
import dev.stepwise.processor.shape.Shape.OptionalShape;
import dev.stepwise.processor.shape.Shape.Slot;
import dev.stepwise.processor.util.Mirrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads the Jakarta constraints on a value into a {@link Slot}, by annotation name. A constraint
 * that cannot be checked on the value's type, an unsupported or invalid one, is reported on the
 * annotation and left out, so generated code never checks something meaningless.
 */
final class ConstraintReader {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");
  private static final String DEFAULT_GROUP = "jakarta.validation.groups.Default";

  private final Elements elements;
  private final Diagnostics diag;

  /**
   * @param diag where problems are reported; null to read silently
   */
  ConstraintReader(Elements elements, Diagnostics diag) {
    this.elements = elements;
    this.diag = diag;
  }

  /**
   * The slot of a value of {@code shape} annotated with {@code annotations}. On an {@code
   * Optional}, {@code @NotNull} checks the Optional and every other constraint its value;
   * {@code @Valid} on a container cascades to its elements, as in Bean Validation.
   *
   * @param owner the element the annotations are written on, for errors; null for none
   */
  Slot declared(Shape shape, List<? extends AnnotationMirror> annotations, Element owner) {
    boolean valid = false;
    List<ConstraintModel> outer = new ArrayList<>();
    List<ConstraintModel> inner = new ArrayList<>();
    for (AnnotationMirror mirror : annotations) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      String name = annotation.getQualifiedName().toString();
      if (name.equals(ConstraintKind.VALID)) {
        valid = true;
        continue;
      }
      ConstraintKind kind = ConstraintKind.of(name).orElse(null);
      if (kind == null) {
        if (name.startsWith(ConstraintKind.PACKAGE)
            || Mirrors.find(annotation, ConstraintKind.CONSTRAINT).isPresent()) {
          report(owner, mirror, Messages.CONSTRAINT_UNSUPPORTED, annotation.getSimpleName());
        }
        continue;
      }
      if (!inDefaultGroup(mirror)) {
        continue; // Bean Validation checks the Default group unless asked otherwise
      }
      boolean unwrap = shape instanceof OptionalShape && kind != ConstraintKind.NOT_NULL;
      Shape target = unwrap ? ((OptionalShape) shape).value().shape() : shape;
      if (!kind.appliesTo(target)) {
        report(
            owner,
            mirror,
            Messages.CONSTRAINT_NOT_APPLICABLE,
            kind.simpleName,
            describe(owner),
            TypeDescriber.display(target.type()),
            kind.appliesTo);
        continue;
      }
      Map<String, Object> attributes = attributes(mirror);
      String problem = problem(kind, attributes);
      if (problem != null) {
        report(
            owner, mirror, Messages.CONSTRAINT_INVALID, kind.simpleName, describe(owner), problem);
        continue;
      }
      ConstraintModel model =
          new ConstraintModel(kind, mirror, attributes, message(kind, attributes));
      (unwrap ? inner : outer).add(model);
    }
    if (shape instanceof OptionalShape o) {
      Slot value = o.value();
      List<ConstraintModel> merged = new ArrayList<>(value.constraints());
      merged.addAll(inner);
      Slot unwrapped = new Slot(value.shape(), merged, value.cascade() || valid);
      return new Slot(new OptionalShape(o.type(), unwrapped), outer, false);
    }
    if (valid && shape instanceof ListShape l) {
      return new Slot(new ListShape(l.type(), l.set(), cascading(l.element())), outer, false);
    }
    if (valid && shape instanceof MapShape m) {
      return new Slot(new MapShape(m.type(), cascading(m.value())), outer, false);
    }
    return new Slot(shape, outer, valid);
  }

  private static Slot cascading(Slot slot) {
    return new Slot(slot.shape(), slot.constraints(), true);
  }

  private boolean inDefaultGroup(AnnotationMirror mirror) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("groups")
          && e.getValue().getValue() instanceof List<?> groups
          && !groups.isEmpty()) {
        return groups.stream()
            .map(g -> String.valueOf(((AnnotationValue) g).getValue()))
            .anyMatch(DEFAULT_GROUP::equals);
      }
    }
    return true;
  }

  /** The attributes generated code needs, written or defaulted. */
  private Map<String, Object> attributes(AnnotationMirror mirror) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      String name = e.getKey().getSimpleName().toString();
      Object value = e.getValue().getValue();
      switch (name) {
        case "groups", "payload" -> {
          // not needed: groups were checked, payloads are for custom reporting
        }
        case "flags" -> {
          List<String> flags = new ArrayList<>();
          if (value instanceof List<?> list) {
            for (Object flag : list) {
              Object constant = ((AnnotationValue) flag).getValue();
              if (constant instanceof VariableElement v) {
                flags.add(v.getSimpleName().toString());
              }
            }
          }
          attributes.put(name, flags);
        }
        default -> attributes.put(name, value instanceof TypeMirror ? value.toString() : value);
      }
    }
    return attributes;
  }

  /** What makes the attributes unusable, or null. */
  private static String problem(ConstraintKind kind, Map<String, Object> attributes) {
    switch (kind) {
      case SIZE -> {
        int min = ((Number) attributes.get("min")).intValue();
        int max = ((Number) attributes.get("max")).intValue();
        if (min < 0 || max < min) {
          return "min must be at least 0 and max at least min, but min = "
              + min
              + " and max = "
              + max;
        }
      }
      case DECIMAL_MIN, DECIMAL_MAX -> {
        String value = String.valueOf(attributes.get("value"));
        try {
          new BigDecimal(value);
        } catch (NumberFormatException e) {
          return "value \"" + value + "\" is not a decimal number";
        }
      }
      case PATTERN, EMAIL -> {
        String regexp = String.valueOf(attributes.get("regexp"));
        try {
          Pattern.compile(regexp);
        } catch (PatternSyntaxException e) {
          return "regexp \""
              + regexp
              + "\" is not a valid regular expression: "
              + e.getDescription();
        }
      }
      default -> {
        // nothing to check
      }
    }
    return null;
  }

  /**
   * Hibernate Validator's message, interpolated now: the default template, or the message the user
   * wrote, with {@code {attribute}} replaced by the attribute's value.
   */
  private static String message(ConstraintKind kind, Map<String, Object> attributes) {
    String written = String.valueOf(attributes.get("message"));
    boolean template = written.equals(kind.defaultMessageKey());
    String text = template ? kind.template : written;
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String replacement;
      if (template && name.equals("inclusive")) {
        replacement = Boolean.TRUE.equals(attributes.get("inclusive")) ? "or equal to " : "";
      } else if (attributes.containsKey(name) && !name.equals("message")) {
        replacement = String.valueOf(attributes.get(name));
      } else {
        replacement = m.group();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String describe(Element owner) {
    if (owner == null) {
      return "the value";
    }
    return owner instanceof ExecutableElement
        ? owner.getSimpleName() + "()"
        : owner.getSimpleName().toString();
  }

  private void report(Element owner, AnnotationMirror mirror, Messages message, Object... args) {
    if (diag != null && owner != null) {
      diag.error(owner, mirror, null, message, args);
    }
  }
}

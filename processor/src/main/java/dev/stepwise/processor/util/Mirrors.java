package dev.stepwise.processor.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads annotation mirrors, so errors can point at the annotation and the value written, and
 * recognises types by name.
 */
public final class Mirrors {
  private final Elements elements;

  public Mirrors(Elements elements) {
    this.elements = elements;
  }

  public Elements elements() {
    return elements;
  }

  /** The annotation of this type on the element, if present. */
  public static Optional<AnnotationMirror> find(Element element, String annotationName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotationName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The value as written in the source, or null when the default applies (no spot to point at). */
  public static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The value, written or defaulted. */
  public AnnotationValue value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    throw new IllegalArgumentException("no attribute " + name + " on " + mirror);
  }

  public String string(AnnotationMirror mirror, String name) {
    // valueOf, not a cast: an unresolvable constant arrives as something else, and javac reports
    // it.
    return String.valueOf(value(mirror, name).getValue());
  }

  /** The elements of an array-valued attribute; a single value written without braces too. */
  public List<? extends AnnotationValue> list(AnnotationMirror mirror, String name) {
    Object raw = value(mirror, name).getValue();
    if (raw instanceof List<?> values) {
      return values.stream().map(AnnotationValue.class::cast).toList();
    }
    return List.of(value(mirror, name));
  }

  /**
   * The class and its superclasses, the class first. {@code Object} is left out (it has no steps),
   * and the walk stops at a superclass javac could not resolve.
   */
  public static List<TypeElement> classAndSuperclasses(TypeElement type) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = type; t != null; t = superclass(t)) {
      chain.add(t);
    }
    return chain;
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() != TypeKind.DECLARED) {
      return null; // Object, an interface, or an unresolved superclass
    }
    TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
    return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
  }

  /** Compares by name: the runtime types are not on the processor's classpath. */
  public static boolean isNamed(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(qualifiedName);
  }
}

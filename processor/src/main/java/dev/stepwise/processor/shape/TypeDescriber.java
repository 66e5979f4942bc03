package dev.stepwise.processor.shape;

import com.palantir.javapoet.TypeName;
import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.shape.Shape.EnumShape;
import dev.stepwise.processor.shape.Shape.ListShape;
import dev.stepwise.processor.shape.Shape.MapShape;
import dev.stepwise.processor.shape.Shape.ObjectShape;
import dev.stepwise.processor.shape.Shape.OptionalShape;
import dev.stepwise.processor.shape.Shape.Property;
import dev.stepwise.processor.shape.Shape.Scalar;
import dev.stepwise.processor.shape.Shape.Slot;
import dev.stepwise.processor.util.Mirrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Describes the types crossing a workflow's boundaries as {@link Shape}s, reading their Jakarta
 * constraints by name (the processor needs no Jakarta dependency). A type it cannot describe yields
 * the reason, which the caller reports on the step; a misplaced constraint is reported on the
 * constraint itself.
 */
public final class TypeDescriber {
  /** Why a type cannot be described; carries the reason to the boundary that uses it. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String reason) {
      super(reason, null, false, false);
    }
  }

  /** A described boundary type, or why it cannot be described. */
  public record Result(Slot slot, String failure) {}

  private final Elements elements;
  private final Types types;
  private final Diagnostics diag;
  private final PackageElement pkg;
  private final ConstraintReader constraints;

  /** Every object type described, by qualified name, in the order first met. */
  private final Map<String, List<Property>> objects = new LinkedHashMap<>();

  private final Map<String, String> failures = new TreeMap<>();
  private final Set<String> inProgress = new HashSet<>();

  /** The property being described, on which type-use constraints of its type arguments sit. */
  private Element owner;

  /**
   * @param diag where misplaced constraints are reported; null to describe silently (the writers
   *     describe again what the validators already checked)
   * @param pkg the package the generated code lives in, which must be able to read the types
   */
  public TypeDescriber(Elements elements, Types types, Diagnostics diag, PackageElement pkg) {
    this.elements = elements;
    this.types = types;
    this.diag = diag;
    this.pkg = pkg;
    this.constraints = new ConstraintReader(elements, diag);
  }

  /** Describes a boundary type; a root object is always validated, as if marked {@code @Valid}. */
  public Result describe(TypeMirror type) {
    try {
      Shape shape = shape(type);
      return new Result(new Slot(shape, List.of(), true), null);
    } catch (Unsupported e) {
      return new Result(null, e.getMessage());
    }
  }

  /** The properties of each object type met so far, by qualified name. */
  public Map<String, List<Property>> objects() {
    return objects;
  }

  private Shape shape(TypeMirror type) {
    Optional<ScalarKind> primitive = ScalarKind.ofPrimitive(type.getKind());
    if (primitive.isPresent()) {
      return new Scalar(type, primitive.get());
    }
    switch (type.getKind()) {
      case ARRAY -> {
        TypeMirror component = ((ArrayType) type).getComponentType();
        if (component.getKind() == TypeKind.BYTE) {
          throw new Unsupported("byte[] is written as base64 text, not an array; use String");
        }
        return new ListShape(type, false, element(component));
      }
      case TYPEVAR ->
          throw new Unsupported("type variable " + display(type) + " has no fixed shape");
      case WILDCARD ->
          throw new Unsupported("wildcard " + display(type) + " has no fixed shape; name the type");
      case DECLARED -> {
        return declared((DeclaredType) type);
      }
      default -> throw new Unsupported(display(type) + " is not a value type");
    }
  }

  private Shape declared(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    Optional<ScalarKind> scalar = ScalarKind.ofClass(name);
    if (scalar.isPresent()) {
      return new Scalar(type, scalar.get());
    }
    List<? extends TypeMirror> args = type.getTypeArguments();
    switch (name) {
      case "java.util.List", "java.util.Set" -> {
        String simple = element.getSimpleName().toString();
        requireArguments(args, simple, simple + "<T>");
        return new ListShape(type, name.endsWith("Set"), element(args.get(0)));
      }
      case "java.util.Map" -> {
        requireArguments(args, "Map", "Map<String, V>");
        if (!Mirrors.isNamed(args.get(0), "java.lang.String")) {
          throw new Unsupported(
              "its keys are "
                  + display(args.get(0))
                  + ", but JSON object keys are strings; declare Map<String, "
                  + display(args.get(1))
                  + ">");
        }
        return new MapShape(type, element(args.get(1)));
      }
      case "java.util.Optional" -> {
        requireArguments(args, "Optional", "Optional<T>");
        return new OptionalShape(type, element(args.get(0)));
      }
      case "java.lang.Object" ->
          throw new Unsupported(
              "java.lang.Object says nothing about the shape of its values; use a record, a class"
                  + " with getters or a value type");
      default -> {
        // no-op: user types below
      }
    }
    if (name.startsWith("java.") || name.startsWith("javax.")) {
      throw new Unsupported(
          name
              + " has no JSON form Stepwise knows; use a record, String, a number, java.time,"
              + " UUID, List, Set, Map<String, V> or Optional");
    }
    if (!accessible(element)) {
      throw new Unsupported(
          name
              + " is not visible from package "
              + pkg.getQualifiedName()
              + ", where the generated validator reads it; make it public");
    }
    if (element.getKind() == ElementKind.ENUM) {
      List<String> constants = new ArrayList<>();
      for (Element e : element.getEnclosedElements()) {
        if (e.getKind() == ElementKind.ENUM_CONSTANT) {
          constants.add(e.getSimpleName().toString());
        }
      }
      return new EnumShape(type, constants);
    }
    if (!element.getTypeParameters().isEmpty()) {
      throw new Unsupported(
          name + " is generic; use a type without type parameters, or a record per variant");
    }
    String failure = failures.get(name);
    if (failure != null) {
      throw new Unsupported(failure);
    }
    if (!objects.containsKey(name) && inProgress.add(name)) {
      try {
        objects.put(name, properties(type, element));
      } catch (Unsupported e) {
        failures.put(name, e.getMessage());
        throw e;
      } finally {
        inProgress.remove(name);
      }
    }
    return new ObjectShape(type, element);
  }

  private static void requireArguments(
      List<? extends TypeMirror> args, String raw, String declared) {
    if (args.isEmpty()) {
      throw new Unsupported("raw " + raw + " has no element type; declare " + declared);
    }
  }

  /** A container's element, with its type-use constraints ({@code List<@Valid Item>}). */
  private Slot element(TypeMirror type) {
    Shape shape = shape(type);
    return constraints.declared(shape, type.getAnnotationMirrors(), owner);
  }

  private List<Property> properties(DeclaredType type, TypeElement element) {
    List<Property> properties = new ArrayList<>();
    if (element.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement c :
          ElementFilter.recordComponentsIn(element.getEnclosedElements())) {
        ExecutableElement accessor = c.getAccessor();
        String name = c.getSimpleName().toString();
        properties.add(property(type, name, accessor, sources(element, name, accessor, c)));
      }
    } else {
      for (Map.Entry<String, ExecutableElement> getter : getters(element).entrySet()) {
        String name = getter.getKey();
        properties.add(
            property(type, name, getter.getValue(), sources(element, name, getter.getValue())));
      }
    }
    if (properties.isEmpty()) {
      throw new Unsupported(
          element.getQualifiedName()
              + " has no record components and no public getters, so it has no properties to"
              + " describe; use a record or add getters");
    }
    return properties;
  }

  private Property property(
      DeclaredType owner, String name, ExecutableElement accessor, List<Element> sources) {
    TypeMirror type = ((ExecutableType) types.asMemberOf(owner, accessor)).getReturnType();
    Element reportOn = field(sources).orElse(accessor);
    Element outerOwner = this.owner;
    this.owner = reportOn;
    Shape shape;
    try {
      shape = shape(type);
    } catch (Unsupported e) {
      throw new Unsupported(
          "property "
              + name
              + " of "
              + ((TypeElement) owner.asElement()).getQualifiedName()
              + " has type "
              + display(type)
              + ": "
              + e.getMessage());
    } finally {
      this.owner = outerOwner;
    }
    List<AnnotationMirror> annotations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Element source : sources) {
      for (AnnotationMirror m : source.getAnnotationMirrors()) {
        // A record component's annotation is copied to its field and accessor: count it once.
        if (seen.add(m.getAnnotationType().toString())) {
          annotations.add(m);
        }
      }
    }
    return new Property(
        name,
        accessor.getSimpleName().toString(),
        constraints.declared(shape, annotations, reportOn));
  }

  /** Errors go on the field when there is one: that is where constraints are usually written. */
  private static Optional<Element> field(List<Element> sources) {
    return sources.stream().filter(e -> e.getKind() == ElementKind.FIELD).findFirst();
  }

  /** Where constraints of a property may be written: its field, its accessor, its component. */
  private List<Element> sources(TypeElement owner, String name, Element... more) {
    List<Element> sources = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(elements.getAllMembers(owner))) {
      if (field.getSimpleName().contentEquals(name)
          && !field.getModifiers().contains(Modifier.STATIC)) {
        sources.add(field);
      }
    }
    sources.addAll(List.of(more));
    return sources;
  }

  /** JavaBean getters visible from the generated code, by property name, sorted. */
  private Map<String, ExecutableElement> getters(TypeElement element) {
    Map<String, ExecutableElement> getters = new TreeMap<>();
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(element))) {
      String n = m.getSimpleName().toString();
      if (!m.getParameters().isEmpty()
          || !m.getTypeParameters().isEmpty()
          || m.getModifiers().contains(Modifier.STATIC)
          || m.getReturnType().getKind() == TypeKind.VOID
          || !visible(m)) {
        continue;
      }
      if (n.startsWith("get") && n.length() > 3 && !n.equals("getClass")) {
        getters.putIfAbsent(decapitalize(n.substring(3)), m);
      } else if (n.startsWith("is")
          && n.length() > 2
          && m.getReturnType().getKind() == TypeKind.BOOLEAN) {
        getters.putIfAbsent(decapitalize(n.substring(2)), m);
      }
    }
    return getters;
  }

  private boolean accessible(TypeElement type) {
    Element e = type;
    while (e instanceof TypeElement t) {
      if (!visible(t)) {
        return false;
      }
      e = t.getEnclosingElement();
    }
    return true;
  }

  private boolean visible(Element member) {
    if (member.getModifiers().contains(Modifier.PUBLIC)) {
      return true;
    }
    return !member.getModifiers().contains(Modifier.PRIVATE)
        && elements.getPackageOf(member).equals(pkg);
  }

  /** A type as users wrote it, without the type-use annotations javac's toString shows. */
  public static String display(TypeMirror type) {
    try {
      return TypeName.get(type).toString();
    } catch (RuntimeException e) {
      return type.toString(); // error types and the like: javac's spelling will do
    }
  }

  private static String decapitalize(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}

package dev.stepwise.processor.shape;

import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.diagnostics.Suggestions;
import dev.stepwise.processor.util.Mirrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Resolves a {@code @From} path such as {@code "address.city"} or {@code "items[0].sku"} against a
 * type, through record components, JavaBean getters, fields and {@code java.util.List} indexes.
 */
public final class PathResolver {
  private static final Pattern SEGMENT =
      Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)?((?:\\[\\d{1,9}\\])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

  /** A resolved path, or the error that stops it. */
  public record Resolution(
      List<PathSegment> segments, TypeMirror type, Messages error, Object[] args) {
    public boolean failed() {
      return error != null;
    }
  }

  private final Elements elements;
  private final Types types;

  public PathResolver(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** Resolves {@code path} on {@code root}; accessors must be visible from {@code pkg}. */
  public Resolution resolve(TypeMirror root, String path, PackageElement pkg) {
    List<PathSegment> segments = new ArrayList<>();
    TypeMirror current = root;
    StringBuilder sofar = new StringBuilder();
    String[] parts = path.split("\\.", -1);
    for (int i = 0; i < parts.length; i++) {
      Matcher m = SEGMENT.matcher(parts[i]);
      boolean nameRequired = i > 0;
      if (parts[i].isEmpty() || !m.matches() || (nameRequired && m.group(1) == null)) {
        return failure(Messages.PATH_MALFORMED, path, parts[i]);
      }
      if (m.group(1) != null) {
        String property = m.group(1);
        Optional<PathSegment> read = property(current, property, sofar.toString(), pkg);
        if (read.isEmpty()) {
          List<String> available = available(current, pkg);
          return failure(
              Messages.PATH_UNKNOWN_PROPERTY,
              path,
              current,
              property,
              Suggestions.closest(property, available)
                  .map(s -> " (did you mean \"" + s + "\"?)")
                  .orElse(""),
              available.isEmpty() ? "none" : String.join(", ", available));
        }
        segments.add(read.get());
        current = read.get().type();
        sofar.append(sofar.length() == 0 ? "" : ".").append(property);
      }
      Matcher index = INDEX.matcher(m.group(2));
      while (index.find()) {
        Optional<TypeMirror> element = listElement(current);
        if (element.isEmpty()) {
          return failure(Messages.PATH_NOT_A_LIST, path, sofar, current, index.group(1));
        }
        segments.add(
            new PathSegment(
                null, false, Integer.parseInt(index.group(1)), sofar.toString(), element.get()));
        current = element.get();
        sofar.append(index.group());
      }
    }
    return new Resolution(segments, current, null, null);
  }

  private Optional<PathSegment> property(
      TypeMirror type, String property, String before, PackageElement pkg) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String capitalized = Character.toUpperCase(property.charAt(0)) + property.substring(1);
    List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(element));
    // Record components first, then JavaBean getters, then public fields.
    for (String name : List.of(property, "get" + capitalized, "is" + capitalized)) {
      for (ExecutableElement method : methods) {
        if (method.getSimpleName().contentEquals(name)
            && isProperty(method, pkg)
            && (!name.equals(property) || isRecordAccessor(element, method))
            && (!name.startsWith("is") || name.equals(property) || returnsBoolean(method))) {
          TypeMirror result = ((ExecutableType) types.asMemberOf(declared, method)).getReturnType();
          return Optional.of(new PathSegment(name, false, -1, before, result));
        }
      }
    }
    return ElementFilter.fieldsIn(elements.getAllMembers(element)).stream()
        .filter(f -> f.getSimpleName().contentEquals(property) && visible(f, pkg))
        .filter(f -> !f.getModifiers().contains(Modifier.STATIC))
        .findFirst()
        .map(f -> new PathSegment(property, true, -1, before, types.asMemberOf(declared, f)));
  }

  /** Every property name the type offers, sorted, for the "available properties" hint. */
  private List<String> available(TypeMirror type, PackageElement pkg) {
    if (type.getKind() != TypeKind.DECLARED) {
      return List.of();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    TreeMap<String, String> names = new TreeMap<>();
    for (Element member : elements.getAllMembers(element)) {
      String name = member.getSimpleName().toString();
      if (member instanceof ExecutableElement method && isProperty(method, pkg)) {
        if (isRecordAccessor(element, method)) {
          names.put(name, name);
        } else if (name.startsWith("get") && name.length() > 3 && !name.equals("getClass")) {
          names.put(decapitalize(name.substring(3)), name);
        } else if (name.startsWith("is") && name.length() > 2 && returnsBoolean(method)) {
          names.put(decapitalize(name.substring(2)), name);
        }
      } else if (member.getKind() == ElementKind.FIELD
          && visible(member, pkg)
          && !member.getModifiers().contains(Modifier.STATIC)) {
        names.put(name, name);
      }
    }
    return List.copyOf(names.keySet());
  }

  private Optional<TypeMirror> listElement(TypeMirror type) {
    TypeElement list = elements.getTypeElement("java.util.List");
    if (type.getKind() != TypeKind.DECLARED
        || !types.isAssignable(types.erasure(type), types.erasure(list.asType()))) {
      return Optional.empty();
    }
    return ElementFilter.methodsIn(list.getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals("get") && m.getParameters().size() == 1)
        .findFirst()
        .map(get -> ((ExecutableType) types.asMemberOf((DeclaredType) type, get)).getReturnType());
  }

  private boolean isProperty(ExecutableElement method, PackageElement pkg) {
    return method.getParameters().isEmpty()
        && method.getTypeParameters().isEmpty()
        && method.getReturnType().getKind() != TypeKind.VOID
        && !method.getModifiers().contains(Modifier.STATIC)
        && visible(method, pkg);
  }

  private static boolean isRecordAccessor(TypeElement type, ExecutableElement method) {
    return type.getKind() == ElementKind.RECORD
        && ElementFilter.recordComponentsIn(type.getEnclosedElements()).stream()
            .anyMatch(c -> c.getSimpleName().equals(method.getSimpleName()));
  }

  private static boolean returnsBoolean(ExecutableElement method) {
    TypeMirror r = method.getReturnType();
    return r.getKind() == TypeKind.BOOLEAN || Mirrors.isNamed(r, "java.lang.Boolean");
  }

  /** The generated class lives in {@code pkg}, so it can call public and same-package members. */
  private boolean visible(Element member, PackageElement pkg) {
    if (member.getModifiers().contains(Modifier.PUBLIC)) {
      return true;
    }
    return !member.getModifiers().contains(Modifier.PRIVATE)
        && elements.getPackageOf(member).equals(pkg);
  }

  private static String decapitalize(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static Resolution failure(Messages error, Object... args) {
    return new Resolution(List.of(), null, error, args);
  }
}

package dev.stepwise.processor.write;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Names the generated validator of each type, one per type and workflow package, and remembers
 * which were written: two workflows of one package that share a type share its validator.
 */
final class ValidatorNames {
  private final Elements elements;
  private final Map<ClassName, String> owners = new HashMap<>();
  private final Set<ClassName> written = new HashSet<>();

  ValidatorNames(Elements elements) {
    this.elements = elements;
  }

  /** {@code OrderRequestValidator}, {@code OrderModel_ItemValidator} for a nested type. */
  ClassName of(String packageName, TypeElement type) {
    List<String> simpleNames = new ArrayList<>();
    Element e = type;
    while (e instanceof TypeElement t) {
      simpleNames.add(0, t.getSimpleName().toString());
      e = t.getEnclosingElement();
    }
    String simple = String.join("_", simpleNames) + "Validator";
    String key = type.getQualifiedName().toString();
    ClassName name = ClassName.get(packageName, simple);
    String owner = owners.putIfAbsent(name, key);
    if (owner == null || owner.equals(key)) {
      return name;
    }
    // Another type of the same simple name (from another package) took it: spell out the package.
    String prefix = elements.getPackageOf(type).getQualifiedName().toString().replace('.', '_');
    ClassName qualified = ClassName.get(packageName, prefix + "_" + simple);
    owners.putIfAbsent(qualified, key);
    return qualified;
  }

  /** True the first time: the Filer refuses to create one file twice. */
  boolean claim(ClassName validator) {
    return written.add(validator);
  }
}

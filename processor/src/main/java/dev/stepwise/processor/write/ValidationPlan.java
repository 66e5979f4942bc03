package dev.stepwise.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.stepwise.processor.model.WorkflowModel;
import dev.stepwise.processor.shape.BoundaryModel;
import dev.stepwise.processor.shape.Shape;
import dev.stepwise.processor.shape.Shape.ListShape;
import dev.stepwise.processor.shape.Shape.MapShape;
import dev.stepwise.processor.shape.Shape.ObjectShape;
import dev.stepwise.processor.shape.Shape.OptionalShape;
import dev.stepwise.processor.shape.Shape.Property;
import dev.stepwise.processor.shape.Shape.Slot;
import dev.stepwise.processor.shape.TypeDescriber;
import dev.stepwise.processor.util.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What validation generates for one valid workflow: per boundary its schema document and validator
 * expression, and the object types that need a validator class.
 */
final class ValidationPlan {
  /**
   * One boundary, described.
   *
   * @param model the boundary
   * @param slot its value
   * @param schema its JSON Schema document
   * @param validator an expression for its validator
   */
  record Entry(BoundaryModel model, Slot slot, String schema, CodeBlock validator) {
    /** {@code INPUT}, {@code OUTPUT_CHARGE}, {@code RESUME_APPROVE}. */
    String constant() {
      return model.kind() == BoundaryModel.Kind.INPUT
          ? "INPUT"
          : model.kind().name() + "_" + WriterContext.upperSnake(model.id());
    }
  }

  final List<Entry> entries = new ArrayList<>();

  /** Object types validated somewhere, by qualified name, in the order met. */
  final Map<String, ObjectShape> validated = new LinkedHashMap<>();

  final Map<String, List<Property>> objects;
  private final String packageName;
  private final ValidatorNames names;

  ValidationPlan(
      WorkflowModel workflow,
      Elements elements,
      Types types,
      ValidatorNames names,
      String packageName) {
    this.names = names;
    this.packageName = packageName;
    PackageElement pkg = elements.getPackageOf(workflow.type());
    // Silent: the SchemaValidator reported every problem before anything is written.
    TypeDescriber describer = new TypeDescriber(elements, types, null, pkg);
    List<BoundaryModel> boundaries = BoundaryModel.of(workflow);
    List<Slot> slots = new ArrayList<>();
    for (BoundaryModel b : boundaries) {
      slots.add(describer.describe(b.type()).slot());
    }
    this.objects = describer.objects();
    JsonSchemaWriter schemas = new JsonSchemaWriter(objects);
    for (int i = 0; i < boundaries.size(); i++) {
      BoundaryModel b = boundaries.get(i);
      Slot slot = slots.get(i);
      collect(slot, true);
      String title =
          Character.toLowerCase(b.description().charAt(0)) + b.description().substring(1);
      String schema = schemas.document(title, slot, b.kind() == BoundaryModel.Kind.OUTPUT);
      entries.add(new Entry(b, slot, schema, validator(slot.shape())));
    }
  }

  ClassName validatorName(String key) {
    return names.of(packageName, validated.get(key).element());
  }

  /** The validator of a boundary value: containers validate their elements as if {@code @Valid}. */
  private CodeBlock validator(Shape shape) {
    if (shape instanceof ObjectShape o) {
      return CodeBlock.of("$T.INSTANCE", validatorName(o.key()));
    }
    Shape inner =
        shape instanceof ListShape l
            ? l.element().shape()
            : shape instanceof MapShape m
                ? m.value().shape()
                : shape instanceof OptionalShape o ? o.value().shape() : null;
    String combinator =
        shape instanceof ListShape l
            ? (l.array() ? "arrayElements" : "elements")
            : shape instanceof MapShape ? "values" : "present";
    if (inner == null || !validates(inner)) {
      return CodeBlock.of("$T.none()", Names.VALIDATORS);
    }
    return CodeBlock.of("$T.$N($L)", Names.VALIDATORS, combinator, validator(inner));
  }

  private static boolean validates(Shape shape) {
    if (shape instanceof ObjectShape) {
      return true;
    }
    if (shape instanceof ListShape l) {
      return validates(l.element().shape());
    }
    if (shape instanceof MapShape m) {
      return validates(m.value().shape());
    }
    return shape instanceof OptionalShape o && validates(o.value().shape());
  }

  /** Adds the object types validated from {@code slot}: cascades, and a boundary's own value. */
  private void collect(Slot slot, boolean boundary) {
    Shape shape = slot.shape();
    if (shape instanceof ObjectShape o) {
      if ((boundary || slot.cascade()) && validated.putIfAbsent(o.key(), o) == null) {
        objects.get(o.key()).forEach(p -> collect(p.slot(), false));
      }
    } else if (shape instanceof ListShape l) {
      collect(l.element(), boundary);
    } else if (shape instanceof MapShape m) {
      collect(m.value(), boundary);
    } else if (shape instanceof OptionalShape o) {
      collect(o.value(), boundary);
    }
  }
}

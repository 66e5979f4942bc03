package dev.stepwise.processor.parse;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.QueueModel;
import dev.stepwise.processor.util.Mirrors;
import dev.stepwise.processor.util.Names;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads the queue that {@code @Step(queue)} or {@code @Workflow(queue)} names by class literal, and
 * checks the {@code @Queue} on that type. Keeps queue names unique over the whole compilation.
 */
public final class QueueParser {
  /** The same rule as the runtime's {@code QueueSpec}, so a generated spec never throws. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private static final List<String> LIMITS = List.of("concurrency", "perNode", "perKey", "rate");

  private final Diagnostics diag;
  private final Mirrors mirrors;

  /** Queue name to the type that declared it first, across workflows and rounds. */
  private final Map<String, String> owners = new HashMap<>();

  public QueueParser(Diagnostics diag, Mirrors mirrors) {
    this.diag = diag;
    this.mirrors = mirrors;
  }

  /**
   * The queue the {@code queue} attribute of {@code mirror} (a {@code @Step} or {@code @Workflow}
   * on {@code element}) names. Empty for {@code void.class}, for a class javac could not resolve
   * (javac reports it), and after reporting an error.
   */
  Optional<QueueModel> named(Element element, AnnotationMirror mirror, String annotation) {
    AnnotationValue value = Mirrors.explicitValue(mirror, "queue");
    // A Class attribute is a TypeMirror in the mirror; getAnnotation would throw
    // MirroredTypeException instead.
    if (value == null || !(value.getValue() instanceof TypeMirror type)) {
      return Optional.empty();
    }
    if (type.getKind() == TypeKind.VOID || type.getKind() == TypeKind.ERROR) {
      return Optional.empty();
    }
    Optional<AnnotationMirror> queue =
        type.getKind() == TypeKind.DECLARED
            ? Mirrors.find(((DeclaredType) type).asElement(), Names.QUEUE)
            : Optional.empty();
    if (queue.isEmpty()) {
      String simple =
          type.getKind() == TypeKind.DECLARED
              ? ((DeclaredType) type).asElement().getSimpleName().toString()
              : type.toString();
      diag.error(element, mirror, value, Messages.QUEUE_NOT_ANNOTATED, annotation, simple, type);
      return Optional.empty();
    }
    return declared((TypeElement) ((DeclaredType) type).asElement(), queue.get());
  }

  /**
   * The {@code @Queue} of {@code type}, every invalid value reported on that value. Called for each
   * {@code @Queue} type of a round too, so a queue no workflow uses yet is checked as well; an
   * error already printed on the same spot is not printed again.
   */
  public Optional<QueueModel> declared(TypeElement type, AnnotationMirror queue) {
    int before = diag.errorCount();
    String name = mirrors.string(queue, "name");
    if (!NAME.matcher(name).matches()) {
      diag.error(
          type,
          queue,
          Mirrors.explicitValue(queue, "name"),
          Messages.QUEUE_NAME_INVALID,
          name,
          type.getSimpleName());
    } else {
      checkUnique(type, queue, name);
    }
    int[] limits = new int[LIMITS.size()];
    for (int i = 0; i < limits.length; i++) {
      limits[i] = limit(type, queue, LIMITS.get(i));
    }
    long ratePeriod = ratePeriod(type, queue);
    if (diag.errorCount() != before) {
      return Optional.empty();
    }
    return Optional.of(
        new QueueModel(type, queue, name, limits[0], limits[1], limits[2], limits[3], ratePeriod));
  }

  private void checkUnique(TypeElement type, AnnotationMirror queue, String name) {
    String owner = type.getQualifiedName().toString();
    String first = owners.putIfAbsent(name, owner);
    if (first != null && !first.equals(owner)) {
      diag.error(
          type,
          queue,
          Mirrors.explicitValue(queue, "name"),
          Messages.QUEUE_NAME_DUPLICATE,
          name,
          owner,
          first);
    }
  }

  private int limit(TypeElement type, AnnotationMirror queue, String attribute) {
    // valueOf, not a cast: an unresolvable constant arrives as something else; javac reports it.
    Object raw = mirrors.value(queue, attribute).getValue();
    int value = raw instanceof Integer i ? i : 0;
    if (value < 0) {
      diag.error(
          type,
          queue,
          Mirrors.explicitValue(queue, attribute),
          Messages.QUEUE_LIMIT_NEGATIVE,
          attribute,
          value,
          type.getSimpleName());
      return 0;
    }
    return value;
  }

  private long ratePeriod(TypeElement type, AnnotationMirror queue) {
    String text = mirrors.string(queue, "ratePeriod");
    OptionalLong millis = Durations.parseMillis(text);
    if (millis.isEmpty() || millis.getAsLong() == 0 || millis.getAsLong() > Durations.MAX_MILLIS) {
      diag.error(
          type,
          queue,
          Mirrors.explicitValue(queue, "ratePeriod"),
          Messages.QUEUE_RATE_PERIOD,
          text,
          type.getSimpleName(),
          Durations.MAX_TEXT);
      return 0;
    }
    return millis.getAsLong();
  }
}

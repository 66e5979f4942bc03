package dev.stepwise.processor;

import com.google.auto.service.AutoService;
import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.graph.GraphValidator;
import dev.stepwise.processor.model.WorkflowModel;
import dev.stepwise.processor.parse.PlacementValidator;
import dev.stepwise.processor.parse.QueueParser;
import dev.stepwise.processor.parse.WorkflowParser;
import dev.stepwise.processor.util.Mirrors;
import dev.stepwise.processor.util.Names;
import dev.stepwise.processor.write.WorkflowWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * The processor's shell: finds {@code @Workflow} classes, and for each one runs the parser, the
 * graph validators and the writers. It only wires; one bad workflow never stops the others.
 */
@AutoService(Processor.class)
public final class WorkflowProcessor extends AbstractProcessor {
  /** Workflow name to the class that claimed it first, across rounds. */
  private final Map<String, String> names = new HashMap<>();

  /** Workflows whose signatures mention types not generated yet; retried next round. */
  private final Set<String> deferred = new LinkedHashSet<>();

  private Diagnostics diag;
  private Mirrors mirrors;
  private WorkflowParser parser;
  private QueueParser queues;
  private PlacementValidator placement;
  private GraphValidator graph;
  private WorkflowWriter writer;
  private ErrorTypes errorTypes;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    diag = new Diagnostics(env.getMessager());
    mirrors = new Mirrors(env.getElementUtils());
    placement = new PlacementValidator(diag, env.getElementUtils());
    queues = new QueueParser(diag, mirrors);
    parser = new WorkflowParser(diag, mirrors, env.getTypeUtils(), queues);
    graph = new GraphValidator(env, diag);
    writer = new WorkflowWriter(env);
    errorTypes = new ErrorTypes();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(
        Names.WORKFLOW,
        Names.STEP,
        Names.CONDITION,
        Names.AFTER,
        Names.INPUT,
        Names.FROM,
        Names.RESUME,
        Names.RETRY,
        Names.PARALLEL,
        Names.ITEM,
        Names.EVENT,
        Names.PREVIOUS,
        Names.QUEUE,
        Names.SCHEDULE,
        Names.SCHEDULES,
        // Generated code carries @Generated; claiming it keeps -Xlint:all quiet in the next round.
        Names.GENERATED.canonicalName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    placement.check(round);
    checkQueues(round);
    List<TypeElement> workflows = new ArrayList<>();
    deferred.stream()
        .map(processingEnv.getElementUtils()::getTypeElement)
        .filter(t -> t != null)
        .forEach(workflows::add);
    deferred.clear();
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(Names.WORKFLOW);
    if (annotation != null) {
      workflows.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation)));
    }
    for (TypeElement type : workflows) {
      try {
        if (errorTypes.mentionedBy(type)) {
          // Perhaps another processor generates the type in this round; try again in the next.
          // In the last round javac itself reports the unresolved type, so stay silent then.
          if (!round.processingOver()) {
            deferred.add(type.getQualifiedName().toString());
          }
          continue;
        }
        process(type);
      } catch (Throwable t) {
        // One broken workflow (or processor bug) must not stop the others.
        diag.internalError(type, t);
      }
    }
    // Claimed: the DSL annotations mean nothing to other processors, and an unclaimed annotation
    // is a warning under -Xlint:all, which -Werror turns into a failed build.
    return true;
  }

  /**
   * Checks every {@code @Queue} type of the round, used or not, before the workflows: so a bad
   * queue is reported even if no workflow names it yet, and duplicate names are reported on the
   * later declaration in source order.
   */
  private void checkQueues(RoundEnvironment round) {
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(Names.QUEUE);
    if (annotation == null) {
      return; // the DSL jar predates @Queue; nothing can be annotated with it
    }
    for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
      try {
        queues.declared(type, Mirrors.find(type, Names.QUEUE).orElseThrow());
      } catch (Throwable t) {
        diag.internalError(type, t);
      }
    }
  }

  private void process(TypeElement type) {
    int before = diag.errorCount();
    AnnotationMirror workflow = Mirrors.find(type, Names.WORKFLOW).orElseThrow();
    checkUniqueName(type, workflow);
    WorkflowModel model = parser.parse(type, workflow);
    // Graph rules run even when a method was invalid, so one compile shows every problem.
    graph.validate(model);
    // A workflow with any error generates nothing, so no half-valid runner hides the error.
    if (diag.errorCount() == before && !placement.reportedIn(type)) {
      writer.write(model);
    }
  }

  private void checkUniqueName(TypeElement type, AnnotationMirror workflow) {
    String name = mirrors.string(workflow, "name");
    if (name.isBlank()) {
      return; // reported by the parser
    }
    String owner = type.getQualifiedName().toString();
    String first = names.putIfAbsent(name, owner);
    if (first != null && !first.equals(owner)) {
      diag.error(
          type,
          workflow,
          Mirrors.explicitValue(workflow, "name"),
          Messages.WORKFLOW_NAME_DUPLICATE,
          name,
          first);
    }
  }
}

package dev.stepwise.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.parse.LocalWorkflowScanner;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Reports {@code @Workflow} on local classes, which {@link WorkflowProcessor} is never shown.
 *
 * <p>A processor of its own because javac looks for annotations only on the elements it shows
 * processors: a file whose one Stepwise annotation is a local class's {@code @Workflow} would not
 * even start {@code WorkflowProcessor}. This one asks for {@code "*"}, so javac runs it on every
 * compilation, and claims nothing (returns false), so the annotations stay for {@code
 * WorkflowProcessor} and any other processor. Outside javac (no {@link Trees}), it does nothing.
 */
@AutoService(Processor.class)
public final class LocalWorkflowProcessor extends AbstractProcessor {
  /** Files already scanned: a file holds several root elements, and is scanned once. */
  private final Set<CompilationUnitTree> scanned =
      Collections.newSetFromMap(new IdentityHashMap<>());

  private Trees trees;
  private Diagnostics diag;
  private LocalWorkflowScanner scanner;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException notJavac) {
      return; // e.g. Eclipse's compiler: no source trees to read, so no check
    }
    diag = new Diagnostics(env.getMessager());
    scanner = new LocalWorkflowScanner(diag, trees);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (scanner == null) {
      return false;
    }
    for (Element root : round.getRootElements()) {
      try {
        TreePath path = trees.getPath(root);
        if (path != null && scanned.add(path.getCompilationUnit())) {
          scanner.scan(path.getCompilationUnit());
        }
      } catch (Throwable t) {
        // A processor bug must not stop the compilation without saying where.
        diag.internalError(root, t);
      }
    }
    return false; // claims nothing: see the class comment
  }
}

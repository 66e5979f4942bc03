package dev.stepwise.processor.parse;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.util.Names;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Name;

/**
 * Reports {@code @Workflow} on classes that annotation processors are never shown: local classes
 * (declared in a method, constructor, initializer or lambda), and classes nested in those or in an
 * anonymous class. javac models no element for them during processing, so the round's elements
 * cannot find them and the processor would skip them without a word; and generated code in another
 * file could not refer to them anyway, so supporting them is not an option.
 *
 * <p>The scan reads source trees, which javac has not attributed yet inside method bodies: the
 * annotation is recognised by name, {@code dev.stepwise.Workflow} written out, or {@code Workflow}
 * where the file imports it (singly or with {@code dev.stepwise.*}) and declares no type of that
 * name itself.
 */
public final class LocalWorkflowScanner {
  private static final String SIMPLE_NAME = "Workflow";

  private final Diagnostics diag;
  private final Trees trees;

  public LocalWorkflowScanner(Diagnostics diag, Trees trees) {
    this.diag = diag;
    this.trees = trees;
  }

  /** Scans one source file and reports each hidden {@code @Workflow} class in it. */
  public void scan(CompilationUnitTree unit) {
    if (!mentionsWorkflow(unit)) {
      return; // most files: no need to walk their method bodies
    }
    List<Hidden> qualified = new ArrayList<>();
    List<Hidden> simple = new ArrayList<>();
    Set<String> declaredNames = new HashSet<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void unused) {
        declaredNames.add(node.getSimpleName().toString());
        if (isHidden(getCurrentPath())) {
          for (AnnotationTree annotation : node.getModifiers().getAnnotations()) {
            String written = annotation.getAnnotationType().toString();
            Hidden hidden = new Hidden(annotation, node.getSimpleName(), where(getCurrentPath()));
            if (written.equals(Names.WORKFLOW)) {
              qualified.add(hidden);
            } else if (written.equals(SIMPLE_NAME)) {
              simple.add(hidden);
            }
          }
        }
        return super.visitClass(node, unused);
      }
    }.scan(unit, null);
    // A type named Workflow declared in the file would shadow the import: stay silent then.
    if (importsWorkflow(unit) && !declaredNames.contains(SIMPLE_NAME)) {
      qualified.addAll(simple);
    }
    for (Hidden h : qualified) {
      diag.error(trees, h.annotation(), unit, Messages.WORKFLOW_LOCAL, h.name(), h.where());
    }
  }

  /** A {@code @Workflow} annotation on a hidden class, and where that class is declared. */
  private record Hidden(AnnotationTree annotation, Name name, String where) {}

  /** A cheap test on the text first: a file that never says "Workflow" cannot use it. */
  private static boolean mentionsWorkflow(CompilationUnitTree unit) {
    try {
      return unit.getSourceFile().getCharContent(true).toString().contains(SIMPLE_NAME);
    } catch (IOException e) {
      return true; // javac read it a moment ago; if it cannot now, scan the trees anyway
    }
  }

  /** Whether {@code Workflow} written alone means {@code dev.stepwise.Workflow} in this file. */
  private static boolean importsWorkflow(CompilationUnitTree unit) {
    boolean imported =
        unit.getPackageName() != null && unit.getPackageName().toString().equals(Names.DSL);
    for (ImportTree i : unit.getImports()) {
      String name = i.getQualifiedIdentifier().toString();
      if (i.isStatic()) {
        continue;
      }
      if (name.equals(Names.WORKFLOW) || name.equals(Names.DSL + ".*")) {
        imported = true;
      } else if (name.endsWith("." + SIMPLE_NAME)) {
        return false; // another Workflow imported by name wins over dev.stepwise.*
      }
    }
    return imported;
  }

  /** Processors see top-level classes and their member classes, nothing declared in a body. */
  private static boolean isHidden(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (!(leaf instanceof ClassTree) && !(leaf instanceof CompilationUnitTree)) {
        return true;
      }
    }
    return false;
  }

  /** The innermost body the class is declared in, as the message names it. */
  private static String where(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree method) {
        return method.getName().contentEquals("<init>")
            ? "a constructor of " + enclosingClassName(p)
            : "method " + method.getName() + "()";
      }
      if (leaf.getKind() == Tree.Kind.LAMBDA_EXPRESSION) {
        return "a lambda";
      }
      if (leaf instanceof NewClassTree) {
        return "an anonymous class";
      }
      if (leaf.getKind() == Tree.Kind.BLOCK && p.getParentPath().getLeaf() instanceof ClassTree) {
        return "an initializer block of " + enclosingClassName(p);
      }
    }
    return "a method"; // not reached: a hidden class has one of the above around it
  }

  private static String enclosingClassName(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree c && c.getSimpleName().length() > 0) {
        return c.getSimpleName().toString();
      }
    }
    return "its class";
  }
}

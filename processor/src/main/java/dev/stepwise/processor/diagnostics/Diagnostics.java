package dev.stepwise.processor.diagnostics;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Reports processor diagnostics and counts errors; never throws, so one run shows every error. */
public final class Diagnostics {
  /** One error as printed: what and where. Elements and mirrors compare by identity in javac. */
  private record Printed(
      Element element, AnnotationMirror mirror, AnnotationValue value, String text) {}

  private final Messager messager;
  private final Set<Printed> printed = new HashSet<>();
  private int errors;

  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  /**
   * Reports an error on the most precise spot known: the annotation value if given, else the
   * annotation, else the element. {@code mirror} and {@code value} may be null.
   *
   * <p>An error already printed on the same spot is counted but not printed again: a step that two
   * workflows inherit from one superclass is parsed for each, and its mistake is one mistake.
   */
  public void error(
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      Messages message,
      Object... args) {
    errors++;
    String text = message.format(args);
    if (!printed.add(new Printed(element, mirror, value, text))) {
      return;
    }
    if (mirror == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, text, element);
    } else if (value == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, text, element, mirror);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, text, element, mirror, value);
    }
  }

  /**
   * Reports an error on a tree: for declarations javac shows processors no element of, like a local
   * class. javac marks where the tree starts.
   */
  public void error(
      Trees trees, Tree tree, CompilationUnitTree unit, Messages message, Object... args) {
    errors++;
    trees.printMessage(Diagnostic.Kind.ERROR, message.format(args), tree, unit);
  }

  /** Reports an error on an element. */
  public void error(Element element, Messages message, Object... args) {
    error(element, null, null, message, args);
  }

  /** Reports a processor bug on the workflow being processed, with the stack trace to report. */
  public void internalError(Element element, Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    error(element, Messages.INTERNAL_ERROR, element, trace);
  }

  public int errorCount() {
    return errors;
  }
}

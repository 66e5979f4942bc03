package dev.stepwise.processor.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** The helpers behind the messages: "did you mean" suggestions, error counting and printing. */
class DiagnosticsTest {

  @Test
  void suggestion_namesTheClosestCandidate_whenItIsALikelyTypo() {
    assertEquals("; did you mean \"ship\"?", Suggestions.hint("shipp", List.of("reserve", "ship")));
  }

  @Test
  void suggestion_listsTheCandidates_whenNoneIsClose() {
    assertEquals(
        "; known: charge, reserve", Suggestions.hint("archive", List.of("reserve", "charge")));
    assertEquals("; there are none", Suggestions.hint("x", List.of()));
  }

  @Test
  void theSameErrorOnTheSameSpot_isPrintedOnce_butCountedEachTime() {
    List<String> printed = new ArrayList<>();
    Diagnostics diag = new Diagnostics(recording(printed));
    // A step two workflows inherit is parsed for each; its mistake is printed once.
    diag.error(null, Messages.WORKFLOW_NO_STEPS, "Order");
    diag.error(null, Messages.WORKFLOW_NO_STEPS, "Order");
    diag.error(null, Messages.WORKFLOW_NO_STEPS, "Return");
    assertEquals(3, diag.errorCount(), "each workflow still counts it, so neither is generated");
    assertEquals(2, printed.size(), printed::toString);
  }

  @Test
  void internalError_isReportedAsAnErrorWithTheStackTrace_andCounted() {
    List<String> printed = new ArrayList<>();
    Diagnostics diag = new Diagnostics(recording(printed));
    diag.internalError(null, new IllegalStateException("boom"));
    assertEquals(1, diag.errorCount());
    assertEquals(1, printed.size());
    assertTrue(printed.get(0).startsWith("ERROR Internal error in the Stepwise processor"));
    assertTrue(printed.get(0).contains("java.lang.IllegalStateException: boom"));
    assertTrue(printed.get(0).contains("at " + DiagnosticsTest.class.getName()));
  }

  /** A messager that records what it is asked to print. */
  private static Messager recording(List<String> printed) {
    return new Messager() {
      @Override
      public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
        printed.add(kind + " " + msg);
      }

      @Override
      public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
        printed.add(kind + " " + msg);
      }

      @Override
      public void printMessage(
          Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
        printed.add(kind + " " + msg);
      }

      @Override
      public void printMessage(
          Diagnostic.Kind kind,
          CharSequence msg,
          Element e,
          AnnotationMirror a,
          AnnotationValue v) {
        printed.add(kind + " " + msg);
      }
    };
  }
}

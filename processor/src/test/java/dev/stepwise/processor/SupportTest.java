package dev.stepwise.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** The small helpers behind the messages: suggestions, durations, error counting. */
class SupportTest {

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
  void durations_acceptEveryUnit_andRejectSpacesSignsAndMissingUnits() {
    assertEquals(OptionalLong.of(250), Durations.parseMillis("250ms"));
    assertEquals(OptionalLong.of(5_000), Durations.parseMillis("5s"));
    assertEquals(OptionalLong.of(120_000), Durations.parseMillis("2m"));
    assertEquals(OptionalLong.of(3_600_000), Durations.parseMillis("1h"));
    assertEquals(OptionalLong.of(86_400_000), Durations.parseMillis("1d"));
    assertTrue(Durations.parseMillis("5 sec").isEmpty());
    assertTrue(Durations.parseMillis("-5s").isEmpty());
    assertTrue(Durations.parseMillis("5").isEmpty());
    assertTrue(Durations.parseMillis("1.5s").isEmpty());
  }

  @Test
  void durations_saturateInsteadOfOverflowing() {
    assertEquals(OptionalLong.of(Long.MAX_VALUE), Durations.parseMillis("999999999999999999d"));
  }

  @Test
  void internalError_isReportedAsAnErrorWithTheStackTrace_andCounted() {
    List<String> printed = new ArrayList<>();
    Messager messager =
        new Messager() {
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
    Diagnostics diag = new Diagnostics(messager);
    diag.internalError(null, new IllegalStateException("boom"));
    assertEquals(1, diag.errorCount());
    assertEquals(1, printed.size());
    assertTrue(printed.get(0).startsWith("ERROR Internal error in the Stepwise processor"));
    assertTrue(printed.get(0).contains("java.lang.IllegalStateException: boom"));
    assertTrue(printed.get(0).contains("at dev.stepwise.processor.SupportTest"));
  }
}

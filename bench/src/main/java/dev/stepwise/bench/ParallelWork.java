package dev.stepwise.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What the steps of the dynamic fan-out (p) compute. An element carries the fan-out step's input
 * and its index, so that element i computes {@link Work#branch}(a, i) like branch i of (c): over
 * ten elements (p) returns exactly what (c) returns for the same input.
 */
public final class ParallelWork {
  /** Between the first step's output and the element's index; not in any input ("r" + digits). */
  private static final char SEPARATOR = '#';

  private ParallelWork() {}

  /** The list step: {@code size} elements, each {@code one(input)} and its index. */
  public static List<String> elements(String input, int size) {
    String a = Work.one(input);
    List<String> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(a + SEPARATOR + i);
    }
    return list;
  }

  /** One element's work: {@link Work#branch} of the first step's output and the element's index. */
  public static String each(String element) {
    int at = element.lastIndexOf(SEPARATOR);
    return Work.branch(element.substring(0, at), Integer.parseInt(element.substring(at + 1)));
  }

  /** The output a correct run over {@code size} elements returns; the harness checks every one. */
  public static String expected(String input, int size) {
    List<String> results = new ArrayList<>(size);
    for (String e : elements(input, size)) {
      results.add(each(e));
    }
    return Work.join(results);
  }
}

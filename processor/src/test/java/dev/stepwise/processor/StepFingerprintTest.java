package dev.stepwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The per-step fingerprints change when, and only when, what a step's stored rows mean changes:
 * each variant of one workflow changes one thing, and exactly the aspect it touches differs.
 */
class StepFingerprintTest {
  private static final String BASE =
      "package com.acme;\n"
          + "import dev.stepwise.*;\n"
          + "import java.util.Optional;\n"
          + "@Workflow(name = \"fp\")\n"
          + "class Fp {\n"
          + "  @Step String first(@Input String in) { return in; }\n"
          + "  @Step @After(\"first\") Integer second(@From(\"first\") String a) { return 1; }\n"
          + "  @Step @After(\"second\") String third(@From(\"second\") Integer n) { return \"x\"; }\n"
          + "  @Condition boolean big(@Input String in) { return true; }\n"
          + "}\n";

  // Aspect indexes, in StepFingerprint's component order.
  private static final int OUTPUT = 0;
  private static final int INPUTS = 1;
  private static final int PREDECESSORS = 2;
  private static final int CONDITIONS = 3;
  private static final int RESUME = 4;

  @Test
  void theSameGraph_hasTheSameFingerprints() throws IOException {
    assertEquals(fingerprints(BASE), fingerprints(BASE));
  }

  @Test
  void methodBodiesAndRetryPolicies_changeNoFingerprint() throws IOException {
    String changed =
        BASE.replace("{ return 1; }", "{ return 2 + 3; }")
            .replace("@Step @After(\"second\")", "@Step @Retry(attempts = 5) @After(\"second\")");
    assertEquals(fingerprints(BASE), fingerprints(changed));
  }

  @Test
  void anAddedStep_changesNoOtherStep() throws IOException {
    Map<String, List<String>> before = fingerprints(BASE);
    Map<String, List<String>> after =
        fingerprints(
            BASE.replace(
                "  @Condition",
                "  @Step @After(\"third\") String fourth(@From(\"third\") String t) { return t; }\n"
                    + "  @Condition"));
    assertTrue(after.containsKey("fourth"));
    after.remove("fourth");
    assertEquals(before, after);
  }

  @Test
  void anOutputType_changesOnlyThatStepsOutput() throws IOException {
    assertOnlyChanged(
        BASE.replace("String third(", "Long third(").replace("return \"x\";", "return 1L;"),
        "third",
        OUTPUT);
  }

  @Test
  void rewiredInputs_changeOnlyThatStepsInputs() throws IOException {
    assertOnlyChanged(
        BASE.replace("second(@From(\"first\") String a)", "second(@Input String a)"),
        "second",
        INPUTS);
  }

  @Test
  void anotherPredecessor_changesOnlyThatStepsPredecessors() throws IOException {
    assertOnlyChanged(
        BASE.replace("@After(\"second\")", "@After({\"first\", \"second\"})"),
        "third",
        PREDECESSORS);
  }

  @Test
  void aCondition_changesOnlyThatStepsConditions() throws IOException {
    assertOnlyChanged(
        BASE.replace("@Step @After(\"second\")", "@Step(when = \"big\") @After(\"second\")"),
        "third",
        CONDITIONS);
  }

  @Test
  void becomingSuspendable_changesOnlyThatStepsResume() throws IOException {
    assertOnlyChanged(
        BASE.replace(
            "third(@From(\"second\") Integer n)",
            "third(@From(\"second\") Integer n, @Resume Optional<String> d)"),
        "third",
        RESUME);
  }

  /**
   * {@code variant} differs from {@link #BASE} in {@code step}'s {@code aspect} and nowhere else.
   */
  private static void assertOnlyChanged(String variant, String step, int aspect)
      throws IOException {
    Map<String, List<String>> before = fingerprints(BASE);
    Map<String, List<String>> after = fingerprints(variant);
    assertEquals(before.keySet(), after.keySet());
    for (String id : before.keySet()) {
      for (int i = 0; i < before.get(id).size(); i++) {
        String where = id + " aspect " + i;
        if (id.equals(step) && i == aspect) {
          assertNotEquals(before.get(id).get(i), after.get(id).get(i), where);
        } else {
          assertEquals(before.get(id).get(i), after.get(id).get(i), where);
        }
      }
    }
  }

  /** Step id to its six aspect hashes, read from the generated definition. */
  private static Map<String, List<String>> fingerprints(String source) throws IOException {
    Compilation c = Compiler.compile(JavaFileObjects.forSourceString("com.acme.Fp", source));
    assertThat(c).succeededWithoutWarnings();
    String code =
        c.generatedSourceFile("com.acme.FpDefinition")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    Matcher m =
        Pattern.compile("Map\\.entry\\(\"(\\w+)\", new StepFingerprint\\(([^)]*)\\)\\)")
            .matcher(code);
    Map<String, List<String>> out = new LinkedHashMap<>();
    while (m.find()) {
      out.put(
          m.group(1),
          Arrays.stream(m.group(2).split(",")).map(s -> s.trim().replace("\"", "")).toList());
    }
    assertTrue(out.size() >= 3, code);
    return out;
  }
}

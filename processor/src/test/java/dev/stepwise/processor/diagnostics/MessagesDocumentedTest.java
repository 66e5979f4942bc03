package dev.stepwise.processor.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/compile-errors.md} and the {@link Messages} catalogue in step: one entry per
 * message, each marked {@code <!-- Messages.KEY -->} under its numbered heading, quoting a message
 * its template can produce, and listed in the contents.
 */
class MessagesDocumentedTest {
  /** Set by the POM to the file under the module's basedir; the fallback is relative to it. */
  private static final String DOC_PROPERTY = "stepwise.compileErrorsDoc";

  private static final String DOC_FALLBACK = "../docs/compile-errors.md";
  private static final Pattern HEADING = Pattern.compile("^### (\\d+)\\. (.+)$");
  private static final Pattern MARKER = Pattern.compile("^<!-- Messages\\.(\\w+) -->$");
  private static final Pattern PLACEHOLDER = Pattern.compile("%[sdn]");

  /** One numbered entry of the page. */
  record Entry(int number, String heading, String key, String quoted) {
    /** The anchor GitHub gives the heading: lower case, punctuation dropped, spaces to dashes. */
    String anchor() {
      String text = number + ". " + heading;
      return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
  }

  private static Path doc;
  private static List<String> lines;
  private static List<Entry> entries;

  @BeforeAll
  static void readTheDoc() throws IOException {
    doc = Path.of(System.getProperty(DOC_PROPERTY, DOC_FALLBACK));
    assertTrue(
        Files.isRegularFile(doc),
        () ->
            doc.toAbsolutePath()
                + " not found; run from the processor module or set -D"
                + DOC_PROPERTY);
    lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
    entries = parse(lines);
  }

  @Test
  void everyMessageInTheCatalogue_hasAnEntry() {
    EnumSet<Messages> documented = EnumSet.noneOf(Messages.class);
    for (Entry e : entries) {
      known(e.key()).ifPresent(documented::add);
    }
    Set<Messages> missing = EnumSet.complementOf(documented);
    assertTrue(
        missing.isEmpty(),
        () ->
            "Messages without an entry in "
                + doc
                + " (add a numbered heading followed by <!-- Messages.KEY -->): "
                + missing);
  }

  @Test
  void everyEntry_namesOneMessageThatExists_once() {
    List<String> problems = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (e.key() == null) {
        problems.add(e.number() + ": no <!-- Messages.KEY --> line under the heading");
      } else if (known(e.key()).isEmpty()) {
        problems.add(e.number() + ": Messages." + e.key() + " is not in the catalogue");
      } else if (seen.putIfAbsent(e.key(), e.number()) != null) {
        problems.add(
            e.number() + ": Messages." + e.key() + " is already entry " + seen.get(e.key()));
      }
    }
    assertEquals(List.of(), problems, () -> "Entries of " + doc + " out of step with Messages");
  }

  @Test
  void everyEntry_quotesAMessageItsTemplateProduces() {
    List<String> problems = new ArrayList<>();
    for (Entry e : entries) {
      known(e.key())
          .ifPresent(
              m -> {
                if (e.quoted() == null) {
                  problems.add(e.number() + ": no ```text block quoting the message");
                } else if (!templatePattern(m.template()).matcher(e.quoted()).matches()) {
                  problems.add(
                      e.number()
                          + ": quotes\n  "
                          + e.quoted()
                          + "\nbut "
                          + m
                          + " is\n  "
                          + m.template());
                }
              });
    }
    assertEquals(List.of(), problems, () -> "Entries of " + doc + " quoting the wrong text");
  }

  @Test
  void everyEntry_isListedInTheContents() {
    int start = lines.indexOf("## Contents");
    assertTrue(start >= 0, "no ## Contents section");
    String contents =
        lines.subList(start + 1, lines.size()).stream()
            .takeWhile(l -> !l.startsWith("## "))
            .collect(Collectors.joining("\n"));
    Set<String> unlisted = new TreeSet<>();
    for (Entry e : entries) {
      if (!contents.contains("](#" + e.anchor() + ")")) {
        unlisted.add(e.number() + " (#" + e.anchor() + ")");
      }
    }
    assertTrue(
        unlisted.isEmpty(), () -> "Entries missing from the contents of " + doc + ": " + unlisted);
  }

  /** Each {@code ### N. Title}, its marker on the next line, and its first {@code text} block. */
  private static List<Entry> parse(List<String> lines) {
    List<Entry> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher heading = HEADING.matcher(lines.get(i));
      if (!heading.matches()) {
        continue;
      }
      Matcher marker = i + 1 < lines.size() ? MARKER.matcher(lines.get(i + 1)) : null;
      String key = marker != null && marker.matches() ? marker.group(1) : null;
      found.add(
          new Entry(
              Integer.parseInt(heading.group(1)), heading.group(2), key, quoted(lines, i + 1)));
    }
    assertTrue(!found.isEmpty(), "no numbered entries (### N. Title) found");
    return found;
  }

  /** The first {@code ```text} block before the next heading, or null. */
  private static String quoted(List<String> lines, int from) {
    for (int i = from; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
      if (lines.get(i).equals("```text")) {
        List<String> block = new ArrayList<>();
        for (int j = i + 1; j < lines.size() && !lines.get(j).equals("```"); j++) {
          block.add(lines.get(j));
        }
        return String.join("\n", block);
      }
    }
    return null;
  }

  /** The template's text literally, with each placeholder matching what it can print. */
  private static Pattern templatePattern(String template) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      regex.append(
          switch (m.group()) {
            case "%d" -> "-?\\d+";
            case "%n" -> "\\n";
            default -> ".*?"; // %s: a name, a type, a hint that may be empty, a stack trace
          });
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static Optional<Messages> known(String key) {
    return Arrays.stream(Messages.values()).filter(m -> m.name().equals(key)).findFirst();
  }
}

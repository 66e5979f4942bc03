package dev.stepwise.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warnings and errors the JVMs logged, told apart by their text with ids and numbers blanked
 * out, most frequent first: what the engine said while the soak hurt it. Also the retries of steps
 * that failed though nothing made them fail by design (logged at INFO): a fault made the step, or
 * the engine's bookkeeping around it, throw, and only its retry policy saved the run.
 */
final class LogDigest {
  /** slf4j-simple's lines: time, [thread], level (see simplelogger.properties). */
  private static final Pattern LEVEL = Pattern.compile("^\\S+ \\[[^\\]]*\\] (WARN|ERROR|INFO) ");

  private static final Pattern RETRYING_AT = Pattern.compile("; retrying at \\S+");

  private static final Pattern EXCEPTION =
      Pattern.compile("^(Caused by: )?[\\w.$]+(Exception|Error)\\b.*");
  private static final Pattern RUN_ID = Pattern.compile("soak-\\d+-\\d+");
  private static final Pattern NODE = Pattern.compile("\\bw\\d+-\\d+\\b");
  private static final Pattern OBJECT = Pattern.compile("@[0-9a-f]{4,}\\b");
  // jOOQ's messages quote the whole statement before the database's own words.
  private static final Pattern SQL = Pattern.compile("SQL \\[.*\\]; ");
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  private LogDigest() {}

  /**
   * What the logs said.
   *
   * @param top the most frequent messages with their counts
   * @param faultRetries retries of steps that failed without a designed failure
   */
  record Digest(Map<String, Integer> top, int faultRetries) {}

  /** Each distinct message with how often it appeared; the most frequent {@code limit} ones. */
  static Digest digest(List<Path> logs, int limit) {
    Map<String, Integer> counts = new HashMap<>();
    int faultRetries = 0;
    for (Path log : logs) {
      List<String> lines;
      try {
        lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        continue; // a worker that never wrote a line
      }
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        Matcher level = LEVEL.matcher(line);
        if (!level.find()) {
          continue;
        }
        if (level.group(1).equals("INFO")) {
          if (!line.contains(" failed on attempt ") || line.contains("DesignedFailure")) {
            continue;
          }
          faultRetries++;
        }
        // From the level on: the time and thread before it differ on every line.
        String key = normalize(line.substring(level.start(1)));
        // The exception logged with a message, if any, is on the next line.
        if (i + 1 < lines.size() && EXCEPTION.matcher(lines.get(i + 1)).matches()) {
          key += " | " + normalize(lines.get(i + 1));
        }
        counts.merge(key, 1, Integer::sum);
      }
    }
    Map<String, Integer> top = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(limit)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return new Digest(top, faultRetries);
  }

  static String normalize(String s) {
    String n = SQL.matcher(s).replaceAll("SQL [...]; ");
    n = RETRYING_AT.matcher(n).replaceAll("; retrying");
    n = RUN_ID.matcher(n).replaceAll("<run>");
    n = NODE.matcher(n).replaceAll("<node>");
    n = OBJECT.matcher(n).replaceAll("@<obj>");
    n = NUMBER.matcher(n).replaceAll("#");
    return n.length() > 240 ? n.substring(0, 240) + "..." : n;
  }
}

package dev.stepwise.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one benchmark run, rendered as one Markdown table per database with the ratios
 * Stepwise/DBOS and Stepwise/floor.
 */
public final class Results {
  /** One figure row: a workload's metric, per contestant. */
  record Row(String database, String workload, String metric, Map<String, Double> values) {}

  private final List<Row> rows = new ArrayList<>();

  /** Records {@code value} for a contestant; rows keep the order they were first seen in. */
  public synchronized void put(
      String database, String workload, String metric, String contestant, double value) {
    for (Row r : rows) {
      if (r.database().equals(database)
          && r.workload().equals(workload)
          && r.metric().equals(metric)) {
        r.values().put(contestant, value);
        return;
      }
    }
    Map<String, Double> values = new LinkedHashMap<>();
    values.put(contestant, value);
    rows.add(new Row(database, workload, metric, values));
  }

  /** The recorded figure, or null. */
  public synchronized Double get(
      String database, String workload, String metric, String contestant) {
    for (Row r : rows) {
      if (r.database().equals(database)
          && r.workload().equals(workload)
          && r.metric().equals(metric)) {
        return r.values().get(contestant);
      }
    }
    return null;
  }

  /** The tables, one per database. */
  public synchronized String toMarkdown() {
    StringBuilder out = new StringBuilder();
    String database = null;
    for (Row r : rows) {
      if (!r.database().equals(database)) {
        database = r.database();
        out.append("\n### ").append(database).append("\n\n");
        out.append(
            "| workload | metric | Stepwise | DBOS | floor | Stepwise/DBOS | Stepwise/floor |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|\n");
      }
      Double s = r.values().get("Stepwise");
      Double d = r.values().get("DBOS");
      Double f = r.values().get("floor");
      out.append("| ")
          .append(r.workload())
          .append(" | ")
          .append(r.metric())
          .append(" | ")
          .append(format(s))
          .append(" | ")
          .append(format(d))
          .append(" | ")
          .append(format(f))
          .append(" | ")
          .append(ratio(s, d))
          .append(" | ")
          .append(ratio(s, f))
          .append(" |\n");
    }
    return out.toString();
  }

  static String format(Double v) {
    if (v == null) {
      return "–";
    }
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String ratio(Double a, Double b) {
    if (a == null || b == null || b == 0) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.2f×", a / b);
  }
}

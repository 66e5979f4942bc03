package dev.stepwise.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one benchmark run, per round, rendered as one Markdown table per database: each
 * figure the median over its rounds, and the ratios Stepwise/DBOS and Stepwise/floor paired round
 * by round (the contestants ran each round back to back), as their median and, over several rounds,
 * their spread (min–max). Other columns and ratios can be asked for (the node counts of (n)).
 */
public final class Results {
  /** A ratio column: the figure of column {@code of} over that of column {@code to}. */
  public record Ratio(String of, String to) {}

  private final List<String> columns;
  private final List<Ratio> ratios;

  /** Columns Stepwise, DBOS and floor; ratios Stepwise/DBOS and Stepwise/floor. */
  public Results() {
    this(
        List.of("Stepwise", "DBOS", "floor"),
        List.of(new Ratio("Stepwise", "DBOS"), new Ratio("Stepwise", "floor")));
  }

  /** These columns (contestants, or whatever a figure is recorded under) and ratios. */
  public Results(List<String> columns, List<Ratio> ratios) {
    this.columns = List.copyOf(columns);
    this.ratios = List.copyOf(ratios);
  }

  /** One figure row: a workload's metric, per contestant and round. */
  record Row(
      String database, String workload, String metric, Map<String, Map<Integer, Double>> values) {}

  private final List<Row> rows = new ArrayList<>();

  /**
   * Records {@code value} for a contestant's {@code round}; rows keep the order they were first
   * seen in.
   */
  public synchronized void put(
      String database, String workload, String metric, String contestant, int round, double value) {
    row(database, workload, metric)
        .values()
        .computeIfAbsent(contestant, k -> new TreeMap<>())
        .put(round, value);
  }

  /** The figure recorded for that round, or null. */
  public synchronized Double get(
      String database, String workload, String metric, String contestant, int round) {
    Map<Integer, Double> rounds = rounds(database, workload, metric, contestant);
    return rounds == null ? null : rounds.get(round);
  }

  /** The median over the rounds recorded, or null. */
  public synchronized Double median(
      String database, String workload, String metric, String contestant) {
    Map<Integer, Double> rounds = rounds(database, workload, metric, contestant);
    return rounds == null ? null : Stats.median(new ArrayList<>(rounds.values()));
  }

  private Map<Integer, Double> rounds(
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

  private Row row(String database, String workload, String metric) {
    for (Row r : rows) {
      if (r.database().equals(database)
          && r.workload().equals(workload)
          && r.metric().equals(metric)) {
        return r;
      }
    }
    Row r = new Row(database, workload, metric, new LinkedHashMap<>());
    rows.add(r);
    return r;
  }

  /**
   * Shows {@code contestant}'s figures of workload {@code from} in the rows of workload {@code to}
   * that have the same metric, round by round, so that the ratios pair them: for a workload that
   * only one contestant can run whose work is, for the others, another workload's.
   */
  public synchronized void borrow(String database, String from, String to, String contestant) {
    for (Row r : new ArrayList<>(rows)) {
      if (r.database().equals(database) && r.workload().equals(to)) {
        Map<Integer, Double> theirs = rounds(database, from, r.metric(), contestant);
        if (theirs != null) {
          r.values().put(contestant, new TreeMap<>(theirs));
        }
      }
    }
  }

  /** The tables, one per database. */
  public synchronized String toMarkdown() {
    StringBuilder out = new StringBuilder();
    String database = null;
    for (Row r : rows) {
      if (!r.database().equals(database)) {
        database = r.database();
        out.append("\n### ").append(database).append("\n\n");
        out.append("| workload | metric |");
        columns.forEach(c -> out.append(' ').append(c).append(" |"));
        ratios.forEach(q -> out.append(' ').append(q.of()).append('/').append(q.to()).append(" |"));
        out.append("\n|---|---|")
            .append("---:|".repeat(columns.size() + ratios.size()))
            .append('\n');
      }
      out.append("| ").append(r.workload()).append(" | ").append(r.metric()).append(" |");
      for (String c : columns) {
        out.append(' ').append(format(median(r.values().get(c)))).append(" |");
      }
      for (Ratio q : ratios) {
        out.append(' ').append(ratio(r.values().get(q.of()), r.values().get(q.to()))).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static Double median(Map<Integer, Double> rounds) {
    return rounds == null ? null : Stats.median(new ArrayList<>(rounds.values()));
  }

  /**
   * The ratio a/b of the rounds both ran, round by round: "0.66×" for one round, "0.66×
   * (0.60–0.71)" (median, min–max) for several; the ratio of the medians when they share no round.
   */
  static String ratio(Map<Integer, Double> a, Map<Integer, Double> b) {
    if (a == null || b == null) {
      return "–";
    }
    List<Double> paired = new ArrayList<>();
    for (Map.Entry<Integer, Double> e : a.entrySet()) {
      Double other = b.get(e.getKey());
      if (other != null && other != 0) {
        paired.add(e.getValue() / other);
      }
    }
    if (paired.isEmpty()) {
      return ratio(median(a), median(b));
    }
    String median = String.format(Locale.ROOT, "%.2f×", Stats.median(paired));
    if (paired.size() == 1) {
      return median;
    }
    double min = paired.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = paired.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return median + String.format(Locale.ROOT, " (%.2f–%.2f)", min, max);
  }

  /** A figure as the tables show it: three significant digits, thousands separated. */
  public static String format(Double v) {
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

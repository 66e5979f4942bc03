package dev.stepwise.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * (p)'s growth part: one dynamic fan-out of each size, smallest first, each measured alone (wall
 * time, statements, commits, rows and value characters read), all per element. A constant cost per
 * element shows as ratios near 1 between a size and the smallest; a cost per element that grows
 * with the list (say, each element reading all its siblings) as ratios near the sizes' ratio.
 */
final class ParallelGrowth {
  /** Where the figures go: {@link Results} through the workload runner. */
  interface Figures {
    void put(String workload, String metric, double value);
  }

  /** The counters of one contestant's pool, read before and after a fan-out. */
  record Counters(long statements, long commits, long rows, long chars) {
    static Counters of(CountingDataSource ds) {
      return new Counters(ds.statements(), ds.commits(), ds.rowsRead(), ds.charsRead());
    }

    /** These statements and commits, with the rows and characters {@code other} read. */
    Counters withReads(Counters other) {
      return new Counters(statements, commits, other.rows, other.chars);
    }

    Counters minus(Counters before) {
      return new Counters(
          statements - before.statements,
          commits - before.commits,
          rows - before.rows,
          chars - before.chars);
    }
  }

  /** One fan-out of {@code size} elements: its wall time and what its pool counted meanwhile. */
  record Reading(int size, long nanos, Counters counted) {
    double msPerElement() {
      return nanos / 1e6 / size;
    }

    double statementsPerElement() {
      return counted.statements() / (double) size;
    }

    double commitsPerElement() {
      return counted.commits() / (double) size;
    }

    double rowsPerElement() {
      return counted.rows() / (double) size;
    }

    double charsPerElement() {
      return counted.chars() / (double) size;
    }
  }

  /**
   * The sizes measured unless {@code --parallel-sizes} says otherwise: 100 and 1,000 elements in
   * full mode (3,000 more than doubles (p)'s time per round: about 50 s for the timed fan-out on
   * the engine as of the first measurement, and as much again for the one that counts reads), tiny
   * ones in smoke mode.
   */
  static List<Integer> sizes(Sizes sizes) {
    if (chosen != null) {
      return chosen;
    }
    return sizes.mode().startsWith("full") ? List.of(100, 1_000) : List.of(10, 30);
  }

  /** The sizes of {@code --parallel-sizes}, null if not given; set once, before any round. */
  private static volatile List<Integer> chosen;

  /** Measures these sizes instead of the mode's (from {@code --parallel-sizes}). */
  static void use(List<Integer> sizes) {
    chosen = List.copyOf(sizes);
  }

  /**
   * Sizes from a comma-separated list, e.g. {@code 1000,100}: at least one, all positive; smallest
   * first, the one the others' ratios are taken to.
   */
  static List<Integer> parse(String list) {
    List<Integer> sizes = new ArrayList<>();
    for (String s : list.split(",")) {
      int n = Integer.parseInt(s.trim());
      if (n < 1) {
        throw new IllegalArgumentException("fan-out size " + n);
      }
      sizes.add(n);
    }
    if (sizes.isEmpty()) {
      throw new IllegalArgumentException("no fan-out sizes in " + list);
    }
    sizes.sort(null);
    return sizes;
  }

  static String name(int size) {
    return String.format(Locale.ROOT, "(p) one @Parallel fan-out of %,d (Stepwise only)", size);
  }

  private ParallelGrowth() {}

  /**
   * Runs one fan-out of the smallest size to warm up, then two of each size: one timed, whose
   * statements and commits are counted, and one whose rows and characters read are counted (their
   * counting wraps every result set, which would slow the timed one). {@code run} runs one fan-out
   * of the given size and checks its output.
   */
  static void measure(
      CountingDataSource ds,
      List<Integer> sizes,
      IntConsumer run,
      Figures figures,
      Consumer<String> log) {
    run.accept(sizes.get(0));
    List<Reading> readings = new ArrayList<>();
    for (int n : sizes) {
      Counters before = Counters.of(ds);
      long t = System.nanoTime();
      run.accept(n);
      long nanos = System.nanoTime() - t;
      Counters timed = Counters.of(ds).minus(before);
      before = Counters.of(ds);
      ds.countReads(true);
      try {
        run.accept(n);
      } finally {
        ds.countReads(false);
      }
      Counters reads = Counters.of(ds).minus(before);
      readings.add(new Reading(n, nanos, timed.withReads(reads)));
      log.accept(String.format(Locale.ROOT, "(p) one fan-out of %,d: %.1f s", n, nanos / 1e9));
    }
    record(readings, figures);
  }

  /**
   * Records each reading's figures per element under its size's row, and under every larger size
   * the ratio of its figures per element to the smallest size's.
   */
  static void record(List<Reading> readings, Figures figures) {
    Reading first = readings.get(0);
    for (Reading r : readings) {
      String w = name(r.size());
      figures.put(w, "wall ms per element", r.msPerElement());
      figures.put(w, "statements per element", r.statementsPerElement());
      figures.put(w, "commits per element (client count)", r.commitsPerElement());
      figures.put(w, "rows read per element", r.rowsPerElement());
      figures.put(w, "value characters read per element", r.charsPerElement());
      if (r != first) {
        String of = String.format(Locale.ROOT, ", ÷ that of %,d", first.size());
        figures.put(w, "wall ms per element" + of, r.msPerElement() / first.msPerElement());
        figures.put(
            w,
            "statements per element" + of,
            r.statementsPerElement() / first.statementsPerElement());
        figures.put(w, "rows read per element" + of, r.rowsPerElement() / first.rowsPerElement());
      }
    }
  }
}

package dev.stepwise.bench;

import java.util.List;
import java.util.function.Function;

/**
 * Runs the workloads on one database with the contestants' rounds interleaved: for each workload,
 * every round has each contestant run it once, in an order rotated per round ({@link Rotation}), so
 * that a drift of the machine's state hits all of them alike.
 *
 * <p>One contestant is open at a time: each is opened for its turn in a round and closed after it,
 * engine and pool. An idle engine polls its tables, which would take CPU from the one measured and
 * add to the commits that {@code pg_stat_database} counts for the whole database. Reopening costs
 * an engine start per turn (well under a second, next to rounds of seconds to minutes) and each
 * turn begins with a warm-up; the tables stay from turn to turn.
 */
final class Interleaved {
  /** The workloads in the order they run, whatever order they were asked for in. */
  private static final String ORDER = "abcpdeqr";

  private final String database;
  private final List<String> contestants;
  private final Function<String, Contestant> open;
  private final Sizes sizes;
  private final Results results;
  private final PgCommits pg; // null on H2

  Interleaved(
      String database,
      List<String> contestants,
      Function<String, Contestant> open,
      Sizes sizes,
      Results results,
      PgCommits pg) {
    this.database = database;
    this.contestants = contestants;
    this.open = open;
    this.sizes = sizes;
    this.results = results;
    this.pg = pg;
  }

  /** Runs the workloads named in {@code which} (letters a to e, p, q and r). */
  void run(String which) {
    for (char w : ORDER.toCharArray()) {
      if (which.indexOf(w) < 0 || ridesOnFanOut(w, which)) {
        continue;
      }
      if (w == 'e') {
        for (String name : contestants) {
          turn(name, 0, runner -> runner.seed());
        }
        if (pg != null) {
          // As a maintained database would be after a bulk load: otherwise autovacuum processes
          // the seeded tables during the rounds that follow and takes a core.
          pg.vacuumAnalyze();
        }
      }
      for (int round = 0; round < rounds(w); round++) {
        for (String name : Rotation.order(contestants, round)) {
          if (takesPart(name, w)) {
            String turn = withCompanions(name, w, which);
            turn(name, round, runner -> turn.chars().forEach(x -> runner.run((char) x)));
          }
        }
      }
      if (w == 'c' && which.indexOf('p') >= 0) {
        for (String other : List.of("DBOS", "floor")) {
          results.borrow(database, WorkloadRunner.FAN_OUT, WorkloadRunner.PARALLEL_TEN, other);
        }
      }
    }
  }

  /**
   * (p), asked for with (c), runs in Stepwise's turns of (c), right after its (c): so that its
   * figures and the others' (c), which (p)'s rows show beside it, come from the same rounds.
   */
  static boolean ridesOnFanOut(char w, String which) {
    return w == 'p' && which.indexOf('c') >= 0;
  }

  /** The workloads of {@code name}'s turn for {@code w}: {@code w}, and (p) after (c). */
  static String withCompanions(String name, char w, String which) {
    return w == 'c' && which.indexOf('p') >= 0 && takesPart(name, 'p') ? "cp" : String.valueOf(w);
  }

  /**
   * (q) runs once: DBOS needs about 100 s per pass of it. (r) alternates its two engines round by
   * round itself, and only Stepwise runs it.
   */
  private int rounds(char w) {
    return w == 'q' || w == 'r' ? 1 : sizes.rounds();
  }

  /**
   * The floor has no queue for (q), and only Stepwise has dynamic fan-out for (p) and a retention
   * for (r): the others are not opened for them (DBOS closed right after its launch logs its launch
   * tasks' failures).
   */
  private static boolean takesPart(String name, char w) {
    return switch (w) {
      case 'q' -> !name.equals("floor");
      case 'p', 'r' -> name.equals("Stepwise");
      default -> true;
    };
  }

  private void turn(String name, int round, java.util.function.Consumer<WorkloadRunner> work) {
    long t = System.nanoTime();
    Contestant c = open.apply(name);
    // What a turn costs beyond its work: the price of keeping one contestant open at a time.
    System.out.printf(
        "[%s %s round %d] opened in %d ms%n",
        database, name, round + 1, (System.nanoTime() - t) / 1_000_000);
    try {
      work.accept(new WorkloadRunner(c, database, sizes, results, pg, round));
      if (Boolean.getBoolean("bench.sqlStats")) {
        System.out.println(
            "["
                + database
                + " "
                + name
                + " round "
                + (round + 1)
                + "] statements by shape:\n"
                + c.dataSource().shapes());
      }
    } finally {
      try {
        c.close();
      } finally {
        c.dataSource().close();
        System.gc();
      }
    }
  }
}

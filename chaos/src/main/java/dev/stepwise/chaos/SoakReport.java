package dev.stepwise.chaos;

import dev.stepwise.chaos.flow.SoakLimited;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The soak's figures and its verdict, as the summary it prints.
 *
 * @param drain from the end of the faults until every acknowledged run was finished, or the bound
 * @param drained whether every acknowledged run finished within the bound
 * @param startErrors starts that threw and were retried with the same id
 * @param logDigest the JVMs' most frequent warnings and errors, with counts
 */
record SoakReport(
    SoakOptions options,
    FaultInjector.Tally faults,
    Verdict verdict,
    Duration drain,
    boolean drained,
    int startErrors,
    String lastStartError,
    LogDigest.Digest logDigest) {

  /** The goal of issue 11: at least this many kills and one restart, and nothing wrong. */
  static final int GOAL_KILLS = 50;

  List<String> problems() {
    List<String> p = new ArrayList<>(verdict.problems());
    for (String exit : faults.unexpectedExits()) {
      p.add("worker JVM " + exit);
    }
    for (String e : faults.errors()) {
      p.add("fault not injected: " + e);
    }
    return p;
  }

  boolean ok() {
    return problems().isEmpty();
  }

  String toText() {
    Verdict v = verdict;
    StringBuilder s = new StringBuilder();
    line(s, "Stepwise chaos soak: %s", options.describe());
    line(s, "");
    line(s, "faults");
    line(s, "  kill -9 of a worker (restarted at once)  %6d", faults.kills());
    line(s, "  SIGSTOP of a worker for 1.5-3 leases     %6d", faults.stops());
    line(s, "  pg_ctl restart -m immediate               %6d", faults.dbRestarts());
    line(s, "  database outage of %-21s %6d", Format.duration(options.outage()), faults.outages());
    line(s, "  planned but skipped (target not running) %6d", faults.skipped());
    line(s, "  worker JVMs that exited on their own     %6d", faults.unexpectedExits().size());
    line(s, "runs");
    line(s, "  started (acknowledged by the engine)     %6d", v.started());
    line(s, "  starts retried after an error            %6d", startErrors);
    line(s, "  succeeded                                %6d", v.succeeded());
    line(s, "  failed                                   %6d", v.failed());
    line(s, "  cancelled                                %6d", v.cancelled());
    line(s, "  lost                                     %6d", v.lost());
    line(s, "    unfinished after the drain             %6d", v.unfinished());
    line(s, "    missing from the database              %6d", v.missing());
    line(s, "transactional step (book): ledger rows per run");
    line(s, "  succeeded runs with exactly 1            %6d", v.exactlyOnce());
    line(s, "  succeeded runs with 0                    %6d", v.noWrite());
    line(s, "  runs with more than 1                    %6d", v.duplicated());
    line(s, "  most rows of one run                     %6d", v.maxWrites());
    line(s, "  rows of runs never started               %6d", v.orphanWrites());
    SlotCheck.Result q = v.slots();
    line(
        s,
        "queue %s, concurrency %d over all workers (soak-queued: 4 steps in it)",
        SoakLimited.NAME,
        q.limit());
    line(s, "  queued runs started / succeeded          %6d / %d", v.queued(), v.queuedSucceeded());
    line(s, "  executions recorded                      %6d", q.executions());
    line(s, "    ended                                  %6d", q.ended());
    line(s, "    cut by kill -9 (alive until the kill)  %6d", q.killed());
    line(s, "    cut by a SIGSTOP of a lease or more    %6d", q.frozen());
    line(s, "    open (no end, JVM alive)               %6d", q.open());
    line(s, "  highest concurrency observed             %6d  (limit %d)", q.maxAlive(), q.limit());
    line(s, "  time at the limit                        %s", Format.duration(q.atLimit()));
    line(
        s,
        "  highest with zombie remainders           %6d  (after SIGCONT; not a failure)",
        q.maxWithZombies());
    if (q.zombieAt() != null) {
      line(s, "    at %s: %s", q.zombieAt(), String.join("; ", q.atZombieMax()));
    }
    line(s, "  succeeded runs lacking a slot record     %6d", v.unrecordedSlots());
    line(s, "re-executions (step executions beyond the first)");
    line(s, "  all                                      %6d", v.reExecutions());
    line(s, "  designed retries (attempt 1 fails)       %6d", v.designed());
    line(s, "  caused by faults                         %6d", v.faultReExecutions());
    for (Map.Entry<String, Long> e : v.faultReExecutionsByStep().entrySet()) {
      line(s, "    %-38s %6d", e.getKey(), e.getValue());
    }
    line(s, "  step failures not by design, retried     %6d", logDigest.faultRetries());
    line(
        s,
        "drain: %s%s (bound %s)",
        Format.duration(drain),
        drained ? "" : ", NOT DRAINED",
        Format.duration(options.drain()));
    if (!v.latencies().isEmpty()) {
      line(
          s,
          "run time, start to finish: p50 %s, p99 %s, max %s",
          Format.duration(percentile(0.50)),
          Format.duration(percentile(0.99)),
          Format.duration(v.latencies().get(v.latencies().size() - 1)));
    }
    if (!v.failures().isEmpty()) {
      line(s, "failed runs by error (stored errors with stack traces in %s):", Soak.FAILURES);
      v.failures().forEach((k, f) -> line(s, "  %5dx %s (e.g. %s)", f.count(), k, f.sampleRunId()));
    }
    if (!v.lostSamples().isEmpty()) {
      line(s, "lost runs, e.g.: %s", String.join(", ", v.lostSamples()));
    }
    if (startErrors > 0 && lastStartError != null) {
      line(s, "last start error: %s", lastStartError);
    }
    if (!faults.unexpectedExits().isEmpty() || !faults.errors().isEmpty()) {
      faults.unexpectedExits().forEach(e -> line(s, "worker exit: %s", e));
      faults.errors().forEach(e -> line(s, "fault error: %s", e));
    }
    if (!logDigest.top().isEmpty()) {
      line(s, "the JVMs' most frequent warnings, errors and retries not by design (ids as #):");
      logDigest.top().forEach((k, n) -> line(s, "  %5dx %s", n, k));
    }
    line(s, "");
    boolean goal =
        faults.kills() >= GOAL_KILLS && faults.dbRestarts() >= 1 && v.lost() == 0 && ok();
    line(
        s,
        "goal of issue 11 (>= %d kills, >= 1 database restart, 0 lost, 1 write per run, queue"
            + " limit held): %s",
        GOAL_KILLS,
        goal ? "met" : "not met");
    List<String> problems = problems();
    if (problems.isEmpty()) {
      line(s, "RESULT: PASS");
    } else {
      line(s, "RESULT: FAIL");
      problems.forEach(p -> line(s, "  - %s", p));
    }
    return s.toString();
  }

  private Duration percentile(double q) {
    List<Duration> l = verdict.latencies();
    int i = (int) Math.ceil(q * l.size()) - 1;
    return l.get(Math.max(0, Math.min(l.size() - 1, i)));
  }

  private static void line(StringBuilder s, String format, Object... args) {
    s.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}

package dev.stepwise.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The soak's settings, from {@code --name=value} arguments; see {@link #USAGE}.
 *
 * @param duration how long runs are started and faults injected
 * @param workers worker JVMs
 * @param seed seeds the fault plan and the runs' inputs: the same seed, the same plan
 * @param kills kill -9 of a worker (each restarted at once) during the duration
 * @param stops SIGSTOPs of a worker for longer than the lease, each followed by SIGCONT
 * @param restarts {@code pg_ctl restart -m immediate} of the database
 * @param outage one stop of the database for this long, then a start; zero for none
 * @param lease the workers' lease
 * @param threads worker threads per worker JVM
 * @param rate runs started per second
 * @param maxOpen no new run is started while this many are unfinished
 * @param latency the longest time a step takes (each run draws its own, up to this)
 * @param hold the longest time a queue-limited step holds its slot (each queued run draws its own,
 *     from a fifth of this up to this)
 * @param drain how long the runs have to finish once the faults are over
 * @param dir where the logs and the report go
 * @param pgBin the directory of initdb and pg_ctl, or null to search
 * @param pgOsUser the operating-system user that runs PostgreSQL when the soak runs as root
 * @param keep keep the cluster's directory for inspection
 */
public record SoakOptions(
    Duration duration,
    int workers,
    long seed,
    int kills,
    int stops,
    int restarts,
    Duration outage,
    Duration lease,
    int threads,
    int rate,
    int maxOpen,
    Duration latency,
    Duration hold,
    Duration drain,
    Path dir,
    Path pgBin,
    String pgOsUser,
    boolean keep,
    String workerHeap) {

  static final String USAGE =
      String.join(
          "\n",
          "Options (durations as 300s, 5m, 1500ms; a bare number is seconds):",
          "  --duration=60s   how long runs are started and faults injected",
          "  --workers=3      worker JVMs",
          "  --seed=1         seeds the fault plan and the runs' inputs",
          "  --kills=N        kill -9 of a worker, restarted at once (default: one per 5 s)",
          "  --stops=N        SIGSTOP of a worker for 1.5-3 leases (default: one per 30 s)",
          "  --restarts=N     pg_ctl restart -m immediate (default: one per 120 s, at least 1)",
          "  --outage=0s      one database outage of this length (stop, wait, start); 0: none",
          "  --lease=3s       the workers' lease",
          "  --threads=8      worker threads per worker JVM",
          "  --rate=10        runs started per second",
          "  --max-open=200   no new run while this many are unfinished",
          "  --latency=40ms   the longest time a step takes",
          "  --hold=250ms     the longest a step of the limited queue holds its slot",
          "  --drain=120s     how long the runs have to finish after the faults",
          "  --dir=soak-out   where the logs and the report go",
          "  --pg-bin=DIR     the directory of initdb and pg_ctl (default: searched)",
          "  --pg-os-user=postgres  who runs PostgreSQL when the soak runs as root",
          "  --worker-heap=192m     -Xmx of each worker JVM",
          "  --keep           keep the cluster's directory");

  private static final Set<String> NAMES =
      Set.of(
          "duration",
          "workers",
          "seed",
          "kills",
          "stops",
          "restarts",
          "outage",
          "lease",
          "threads",
          "rate",
          "max-open",
          "latency",
          "hold",
          "drain",
          "dir",
          "pg-bin",
          "pg-os-user",
          "keep",
          "worker-heap");

  /** Parses {@code --name=value} arguments; an argument may hold several, separated by spaces. */
  public static SoakOptions parse(String... args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (String arg : args) {
      for (String a : arg.trim().split("\\s+")) {
        if (a.isEmpty()) {
          continue;
        }
        if (!a.startsWith("--")) {
          throw new IllegalArgumentException("not an option: " + a + "\n" + USAGE);
        }
        int eq = a.indexOf('=');
        String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
        if (!NAMES.contains(name)) {
          throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
        }
        o.put(name, eq < 0 ? "true" : a.substring(eq + 1));
      }
    }
    Duration duration = duration(o.getOrDefault("duration", "60s"));
    long seconds = duration.toSeconds();
    return new SoakOptions(
        duration,
        positive(o, "workers", 3),
        Long.parseLong(o.getOrDefault("seed", "1")),
        count(o, "kills", (int) (seconds / 5)),
        count(o, "stops", (int) (seconds / 30)),
        count(o, "restarts", (int) Math.max(1, seconds / 120)),
        duration(o.getOrDefault("outage", "0s")),
        duration(o.getOrDefault("lease", "3s")),
        positive(o, "threads", 8),
        positive(o, "rate", 10),
        positive(o, "max-open", 200),
        duration(o.getOrDefault("latency", "40ms")),
        hold(o.getOrDefault("hold", "250ms")),
        duration(o.getOrDefault("drain", "120s")),
        Path.of(o.getOrDefault("dir", "soak-out")),
        o.containsKey("pg-bin") ? Path.of(o.get("pg-bin")) : null,
        o.getOrDefault("pg-os-user", "postgres"),
        Boolean.parseBoolean(o.getOrDefault("keep", "false")),
        o.getOrDefault("worker-heap", "192m"));
  }

  /** {@code 300s}, {@code 5m}, {@code 1500ms}, {@code 1h}; a bare number is seconds. */
  static Duration duration(String s) {
    String v = s.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      if (v.endsWith("s")) {
        return Duration.ofMillis(
            Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
      }
      if (v.endsWith("m")) {
        return Duration.ofSeconds(
            Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60));
      }
      if (v.endsWith("h")) {
        return Duration.ofMinutes(
            Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60));
      }
      return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a duration: " + s + " (write 300s, 5m or 1500ms)");
    }
  }

  private static Duration hold(String s) {
    Duration d = duration(s);
    if (d.toMillis() < 5) {
      throw new IllegalArgumentException("--hold must be at least 5ms, was " + s);
    }
    return d;
  }

  private static int count(Map<String, String> o, String name, int byDefault) {
    int n = Integer.parseInt(o.getOrDefault(name, Integer.toString(byDefault)));
    if (n < 0) {
      throw new IllegalArgumentException("--" + name + " must not be negative, was " + n);
    }
    return n;
  }

  private static int positive(Map<String, String> o, String name, int byDefault) {
    int n = count(o, name, byDefault);
    if (n == 0) {
      throw new IllegalArgumentException("--" + name + " must be at least 1");
    }
    return n;
  }

  /** One line for the report's header. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "seed %d, %d workers x %d threads, %s of faults, lease %s, %d runs/s, steps up to %s,"
            + " limited slots held up to %s",
        seed,
        workers,
        threads,
        Format.duration(duration),
        Format.duration(lease),
        rate,
        Format.duration(latency),
        Format.duration(hold));
  }
}

package dev.stepwise.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU times from Linux's {@code /proc}: of one process (a PostgreSQL backend, a node's JVM), and of
 * the whole machine (every process, whoever started it), in clock ticks.
 */
public final class ProcStat {
  /** USER_HZ: Linux reports process times in 1/100 s on every common architecture. */
  public static final long TICKS_PER_SECOND = 100;

  private ProcStat() {}

  /** User + system ticks of process {@code pid}; 0 if it has ended. */
  public static long processTicks(long pid) throws IOException {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    String line;
    try {
      line = Files.readString(stat);
    } catch (NoSuchFileException e) {
      return 0; // ended meanwhile
    }
    return processTicks(line);
  }

  /** User + system ticks in one line of {@code /proc/<pid>/stat}. */
  static long processTicks(String line) {
    // Fields after the command name, which is in parentheses and may contain spaces.
    String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
  }

  /** The machine's busy and total ticks since boot, all cores summed; null without /proc. */
  public static long[] machineTicks() {
    try {
      return machineTicks(Files.readAllLines(Path.of("/proc/stat")).get(0));
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * {busy, total} from the first line of {@code /proc/stat} ("cpu user nice system idle iowait irq
   * softirq steal ..."): idle and iowait are not busy; guest time is already in user.
   */
  static long[] machineTicks(String cpuLine) {
    String[] f = cpuLine.trim().split("\\s+");
    if (!f[0].equals("cpu")) {
      throw new IllegalArgumentException("not the cpu line of /proc/stat: " + cpuLine);
    }
    long total = 0;
    long idle = 0;
    for (int i = 1; i < Math.min(f.length, 9); i++) { // user .. steal
      long v = Long.parseLong(f[i]);
      total += v;
      if (i == 4 || i == 5) {
        idle += v;
      }
    }
    return new long[] {total - idle, total};
  }
}

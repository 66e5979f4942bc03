package dev.stepwise.chaos;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The PostgreSQL server programs the soak runs its own cluster with, and how to run them: initdb
 * refuses to run as root, so as root they run as another operating-system user ({@code postgres} by
 * default) through {@code runuser}, or {@code su} where there is no runuser.
 */
final class PgBinaries {
  private final Path bin;
  private final String osUser;
  private final List<String> prefix;

  private PgBinaries(Path bin, String osUser, List<String> prefix) {
    this.bin = bin;
    this.osUser = osUser;
    this.prefix = prefix;
  }

  /** Why the soak cannot run its own PostgreSQL here. */
  static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }

  /**
   * Finds initdb, pg_ctl and postgres: in {@code explicitBin} if given, else in a directory on the
   * PATH, else in the usual install locations (the newest version first).
   *
   * @param osUser the user to run them as when this process is root
   */
  static PgBinaries find(Path explicitBin, String osUser) throws Unavailable {
    Path bin = explicitBin != null ? explicitBin : search().orElse(null);
    if (bin == null || !complete(bin)) {
      throw new Unavailable(
          (bin == null
                  ? "no PostgreSQL server binaries (initdb, pg_ctl, postgres) found on the PATH or"
                      + " under /usr/lib/postgresql/*/bin"
                  : "no initdb, pg_ctl and postgres in " + bin)
              + "; install the PostgreSQL server or pass --pg-bin=<dir>");
    }
    if (!isRoot()) {
      return new PgBinaries(bin, null, List.of());
    }
    if (!Commands.run(List.of("id", "-u", osUser), 10).ok()) {
      throw new Unavailable(
          "running as root, and initdb refuses root; there is no user \""
              + osUser
              + "\" to run PostgreSQL as (pass --pg-os-user=<user>)");
    }
    Optional<Path> runuser = onPath("runuser");
    if (runuser.isPresent()) {
      return new PgBinaries(bin, osUser, List.of(runuser.get().toString(), "-u", osUser, "--"));
    }
    if (onPath("su").isPresent()) {
      return new PgBinaries(bin, osUser, null); // su takes one quoted command line, see command()
    }
    throw new Unavailable("running as root and found neither runuser nor su to run PostgreSQL as");
  }

  /** The operating-system user the server runs as, or null for this process's user. */
  String osUser() {
    return osUser;
  }

  Path bin() {
    return bin;
  }

  /** The command line that runs {@code program} of the server binaries as the server's user. */
  List<String> command(String program, List<String> args) {
    List<String> line = new ArrayList<>();
    line.add(bin.resolve(program).toString());
    line.addAll(args);
    if (osUser == null) {
      return line;
    }
    if (prefix != null) {
      List<String> all = new ArrayList<>(prefix);
      all.addAll(line);
      return all;
    }
    StringBuilder quoted = new StringBuilder();
    for (String s : line) {
      quoted.append(quoted.length() == 0 ? "" : " ").append(shellQuote(s));
    }
    return List.of("su", osUser, "-s", "/bin/sh", "-c", quoted.toString());
  }

  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static boolean complete(Path dir) {
    return Stream.of("initdb", "pg_ctl", "postgres")
        .allMatch(p -> Files.isExecutable(dir.resolve(p)));
  }

  private static Optional<Path> search() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String d : path.split(File.pathSeparator)) {
      if (!d.isEmpty() && complete(Path.of(d))) {
        return Optional.of(Path.of(d));
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Optional<Path> newest =
            versions
                .map(v -> v.resolve("bin"))
                .filter(PgBinaries::complete)
                .max(Comparator.comparing(PgBinaries::majorVersion));
        if (newest.isPresent()) {
          return newest;
        }
      } catch (IOException e) {
        // unreadable: look elsewhere
      }
    }
    Path source = Path.of("/usr/local/pgsql/bin");
    return complete(source) ? Optional.of(source) : Optional.empty();
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Optional<Path> onPath(String program) {
    List<String> dirs =
        new ArrayList<>(
            List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")); // root's PATH may lack sbin
    return dirs.stream()
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, program))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static boolean isRoot() {
    Commands.Result id = Commands.run(List.of("id", "-u"), 10);
    return id.ok() && id.output().equals("0");
  }
}

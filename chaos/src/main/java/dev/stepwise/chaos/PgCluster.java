package dev.stepwise.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the soak's own: initdb into a temporary directory, a server on a free
 * port of 127.0.0.1 with its socket in that directory, and the faults the soak injects into it. It
 * never touches any other cluster: every pg_ctl call names this cluster's data directory.
 */
final class PgCluster implements AutoCloseable {
  static final String USER = "postgres";
  private static final long TIMEOUT_SEC = 120;

  private final PgBinaries binaries;
  private final Path dir;
  private final Path data;
  private final Path log;
  private final int port;
  private volatile boolean up;
  private boolean closed;

  private PgCluster(PgBinaries binaries, Path dir, int port) {
    this.binaries = binaries;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.log = dir.resolve("postgres.log");
    this.port = port;
  }

  /** Creates and starts a new cluster with a database {@code database}. */
  static PgCluster create(PgBinaries binaries, String database) throws IOException {
    Path dir = Files.createTempDirectory("stepwise-soak-pg-");
    if (binaries.osUser() != null) {
      UserPrincipal owner =
          dir.getFileSystem()
              .getUserPrincipalLookupService()
              .lookupPrincipalByName(binaries.osUser());
      Files.setOwner(dir, owner);
    }
    PgCluster pg = new PgCluster(binaries, dir, freePort());
    pg.initdb();
    pg.start();
    pg.createDatabase(database);
    return pg;
  }

  private void initdb() throws IOException {
    Commands.check(
        binaries.command(
            "initdb",
            List.of("-D", data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-sync")),
        TIMEOUT_SEC);
    // Appended, so these win over initdb's defaults. fsync stays on: a restart with -m immediate
    // is a crash of the server, and the soak relies on what PostgreSQL promises after one.
    String conf =
        String.join(
            "\n",
            "",
            "# stepwise chaos soak",
            "port = " + port,
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = '" + dir + "'",
            "max_connections = 300",
            "log_min_messages = warning",
            "");
    Files.writeString(data.resolve("postgresql.conf"), conf, StandardOpenOption.APPEND);
  }

  int port() {
    return port;
  }

  Path logFile() {
    return log;
  }

  boolean isUp() {
    return up;
  }

  /** The JDBC url of {@code database} on this cluster; connect as {@link #USER}, no password. */
  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  void start() {
    pgCtl("start", List.of("-l", log.toString()));
    up = true;
  }

  /** A crash and recovery: {@code pg_ctl restart -m immediate}, waiting until it accepts again. */
  void restartImmediately() {
    up = false;
    pgCtl("restart", List.of("-m", "immediate", "-l", log.toString()));
    up = true;
  }

  /** The start of an outage: the server stops at once, as if it crashed, and stays down. */
  void stopImmediately() {
    up = false;
    pgCtl("stop", List.of("-m", "immediate"));
  }

  private void pgCtl(String action, List<String> options) {
    List<String> args = new ArrayList<>(List.of("-D", data.toString(), "-w", "-t", "60"));
    args.addAll(options);
    args.add(action);
    Commands.check(binaries.command("pg_ctl", args), TIMEOUT_SEC);
  }

  private void createDatabase(String database) {
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + database + ": " + e, e);
    }
  }

  /** Stops the server and deletes its directory, unless {@code keep}; the log is copied first. */
  synchronized void close(boolean keep, Path logCopy) {
    if (closed) {
      return; // the shutdown hook and the soak's own cleanup may both get here
    }
    closed = true;
    // Whatever the soak believes: a restart that failed half-way may have left a server running.
    if (Files.exists(data.resolve("postmaster.pid"))) {
      Commands.Result r =
          Commands.run(
              binaries.command(
                  "pg_ctl", List.of("-D", data.toString(), "-w", "-t", "60", "-m", "fast", "stop")),
              TIMEOUT_SEC);
      if (!r.ok()) {
        System.err.println("pg_ctl stop of the soak's cluster failed: " + r.output());
      }
    }
    up = false;
    try {
      if (logCopy != null && Files.exists(log)) {
        Files.createDirectories(logCopy.toAbsolutePath().getParent());
        Files.copy(log, logCopy, StandardCopyOption.REPLACE_EXISTING);
      }
      if (!keep) {
        deleteRecursively(dir);
      } else {
        System.out.println("kept the soak's cluster in " + dir);
      }
    } catch (IOException e) {
      System.err.println("cannot clean up " + dir + ": " + e);
    }
  }

  @Override
  public void close() {
    close(false, null);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static int freePort() throws IOException {
    // The port is free now; another process could take it before the server binds it, which
    // makes pg_ctl start fail loudly rather than join someone else's server.
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}

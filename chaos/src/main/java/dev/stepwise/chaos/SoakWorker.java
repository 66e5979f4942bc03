package dev.stepwise.chaos;

import dev.stepwise.chaos.flow.ChainFlow;
import dev.stepwise.chaos.flow.ChainFlowRunner;
import dev.stepwise.chaos.flow.ForkFlow;
import dev.stepwise.chaos.flow.ForkFlowRunner;
import dev.stepwise.chaos.flow.QueuedFlow;
import dev.stepwise.chaos.flow.QueuedFlowRunner;
import dev.stepwise.chaos.flow.Slots;
import dev.stepwise.runtime.Stepwise;
import java.time.Duration;
import java.time.Instant;

/**
 * A worker JVM of the soak: a Stepwise engine on the soak's PostgreSQL that runs the soak's
 * workflows until it is killed. It starts no runs; the controller does.
 *
 * <p>Arguments: {@code <jdbc url> <name> <lease ms> <worker threads>}.
 */
public final class SoakWorker {
  /** What a worker prints once its engine runs. */
  static final String READY = "engine started as node";

  private SoakWorker() {}

  public static void main(String[] args) throws InterruptedException {
    String url = args[0];
    String name = args[1];
    Duration lease = Duration.ofMillis(Long.parseLong(args[2]));
    int threads = Integer.parseInt(args[3]);
    // The pid makes each incarnation a node of its own: a restarted worker must not take the
    // leases of the JVM that was killed for its own.
    String node = name + "-" + ProcessHandle.current().pid();
    Stepwise engine = build(url, node, lease, threads);
    new ChainFlowRunner(engine, new ChainFlow(name));
    new ForkFlowRunner(engine, new ForkFlow(name));
    new QueuedFlowRunner(engine, new QueuedFlow(name, new Slots(url, PgCluster.USER, node)));
    engine.start();
    System.out.println(Instant.now() + " worker " + name + ": " + READY + " " + node);
    Thread.currentThread().join(); // until killed
  }

  /** Builds the engine, waiting while the database is down (a worker restarted in an outage). */
  private static Stepwise build(String url, String node, Duration lease, int threads)
      throws InterruptedException {
    Instant since = Instant.now();
    while (true) {
      try {
        return Stepwise.builder()
            .jdbcUrl(url, PgCluster.USER, "")
            .nodeId(node)
            .lease(lease)
            .workers(threads)
            .build();
      } catch (RuntimeException e) {
        if (Duration.between(since, Instant.now()).toMinutes() >= 10) {
          throw e; // not an outage any more: the soak reports the worker's exit
        }
        System.out.println(Instant.now() + " cannot start the engine yet, retrying: " + e);
        Thread.sleep(500);
      }
    }
  }
}

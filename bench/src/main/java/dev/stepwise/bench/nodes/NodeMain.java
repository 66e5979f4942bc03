package dev.stepwise.bench.nodes;

import com.sun.management.OperatingSystemMXBean;
import dev.stepwise.bench.CountingDataSource;
import dev.stepwise.bench.Work;
import dev.stepwise.bench.stepwise.SequentialWorkflow;
import dev.stepwise.bench.stepwise.SequentialWorkflowResult;
import dev.stepwise.bench.stepwise.SequentialWorkflowRunner;
import dev.stepwise.runtime.RunHandle;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One Stepwise node of workload (n), in a JVM of its own: an engine with its own node id on a pool
 * of its own, on the schema all nodes share, with the sequential workflow registered. It reads
 * commands from stdin, one a line, and answers on stdout (logs go to stderr):
 *
 * <ul>
 *   <li>{@code batch N}: starts N sequential runs at once, awaits them all, checks their outputs,
 *       answers {@code done N};
 *   <li>{@code report}: answers a {@link NodeReport} line;
 *   <li>{@code exit}, or the end of stdin: closes the engine and exits.
 * </ul>
 *
 * <p>It answers {@code ready} once its engine started, and {@code error …} before it exits on a
 * failure. It also exits when the harness's JVM ends, however that ends, so no node outlives it.
 *
 * <p>Arguments: {@code --pg=<jdbc url> --user=… --schema=… --node=<id> --pool=<connections>}.
 */
public final class NodeMain {
  private static final Duration WAIT = Duration.ofMinutes(10);

  private NodeMain() {}

  public static void main(String[] args) throws Exception {
    // A harness killed with SIGKILL runs no shutdown hook: this is what stops its nodes then.
    ProcessHandle.current()
        .parent()
        .ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
    String pg = arg(args, "pg");
    String node = arg(args, "node");
    PrintStream out = System.out;
    try (CountingDataSource ds =
        CountingDataSource.create(
            node,
            pg,
            arg(args, "user"),
            "",
            Integer.parseInt(arg(args, "pool")),
            arg(args, "schema"))) {
      ClaimCounter counter = new ClaimCounter();
      try (Stepwise engine =
          Stepwise.builder().dataSource(ds).nodeId(node).observer(counter).build()) {
        SequentialWorkflowRunner runner =
            new SequentialWorkflowRunner(engine, new SequentialWorkflow());
        engine.start();
        out.println("ready");
        out.flush();
        serve(node, runner, counter, ds, out);
      }
    } catch (RuntimeException | Error e) {
      out.println("error " + e.toString().replace('\n', ' '));
      out.flush();
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void serve(
      String node,
      SequentialWorkflowRunner runner,
      ClaimCounter counter,
      CountingDataSource ds,
      PrintStream out)
      throws java.io.IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long seq = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String command = line.trim();
      if (command.equals("exit")) {
        return;
      } else if (command.equals("report")) {
        out.println(counter.report(os.getProcessCpuTime(), ds.statements()).format());
      } else if (command.startsWith("batch ")) {
        int n = Integer.parseInt(command.substring("batch ".length()).trim());
        List<String> inputs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          inputs.add(node + "-" + seq++);
        }
        batch(runner, inputs);
        out.println("done " + n);
      } else {
        throw new IllegalArgumentException("unknown command " + command);
      }
      out.flush();
    }
  }

  /** (b)'s batch: all started at once, then awaited; every output checked. */
  private static void batch(SequentialWorkflowRunner runner, List<String> inputs) {
    List<RunHandle<SequentialWorkflowResult>> handles = new ArrayList<>(inputs.size());
    for (String in : inputs) {
      handles.add(runner.startAsync(in));
    }
    for (int i = 0; i < inputs.size(); i++) {
      SequentialWorkflowResult r = handles.get(i).awaitCompletion(WAIT);
      if (r.status() != Status.SUCCEEDED) {
        throw new IllegalStateException("run " + r.runId() + " ended " + r.status());
      }
      String expected = Work.expectedSequential(inputs.get(i));
      if (!expected.equals(r.three().output())) {
        throw new IllegalStateException(
            "run " + r.runId() + " returned " + r.three().output() + " where " + expected);
      }
    }
  }

  private static String arg(String[] args, String name) {
    for (String a : args) {
      if (a.startsWith("--" + name + "=")) {
        return a.substring(name.length() + 3);
      }
    }
    throw new IllegalArgumentException("missing --" + name + "=");
  }
}

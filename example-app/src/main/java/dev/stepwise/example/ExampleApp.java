package dev.stepwise.example;

import dev.stepwise.example.order.Address;
import dev.stepwise.example.order.Decision;
import dev.stepwise.example.order.FlakyPaymentService;
import dev.stepwise.example.order.Inventory;
import dev.stepwise.example.order.OrderRequest;
import dev.stepwise.example.order.OrderWorkflow;
import dev.stepwise.example.order.OrderWorkflowResult;
import dev.stepwise.example.order.OrderWorkflowRunner;
import dev.stepwise.example.research.ResearchDemo;
import dev.stepwise.http.StepwiseServer;
import dev.stepwise.runtime.RunHandle;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.Watch;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the order workflow on the embedded database: a small order straight through, and a large one
 * that suspends for a manager's approval and is resumed. Then it leaves one large order waiting for
 * approval and serves the dashboard (port 8080, or {@code -Dstepwise.port=...}; a free one if that
 * is taken) until stopped with Ctrl+C. Run it twice: the second run lists the first one's runs,
 * read back from the database.
 */
public final class ExampleApp {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final PrintStream out;
  private final OrderWorkflowRunner orders;
  private final ResearchDemo research;

  ExampleApp(Stepwise engine, PrintStream out) {
    this.out = out;
    this.orders =
        new OrderWorkflowRunner(
            engine, new OrderWorkflow(new Inventory(), new FlakyPaymentService(2)));
    this.research = new ResearchDemo(engine, out);
  }

  public static void main(String[] args) throws InterruptedException {
    Path dataDir = Path.of(args.length > 0 ? args[0] : "stepwise-data");
    Stepwise engine = Stepwise.embedded(dataDir);
    ExampleApp app = new ExampleApp(engine, System.out);
    engine.start();
    app.run();
    String waiting = app.leaveAnOrderForTheDashboard();
    StepwiseServer server = Dashboard.serve(engine, Integer.getInteger("stepwise.port", 8080));
    String address = "http://127.0.0.1:" + server.port() + "/dashboard/";
    System.out.println("== Dashboard: " + address + " ==");
    System.out.println(
        "   order "
            + waiting
            + " waits for a manager there: "
            + address
            + "#/runs/order/"
            + waiting);
    System.out.println("   Ctrl+C stops the server and the engine.");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  engine.close();
                  stopped.countDown();
                },
                "example-app-shutdown"));
    stopped.await();
  }

  /** Starts a large order and returns its run id, once it waits for a manager's approval. */
  String leaveAnOrderForTheDashboard() {
    RunHandle<OrderWorkflowResult> run = orders.startAsync(order(5, 60_000));
    OrderWorkflowResult suspended = run.await(WAIT);
    out.println("== A large order left waiting for approval: " + suspended.runId() + " ==");
    return suspended.runId();
  }

  void run() {
    printGraph();
    printHistory();
    runSmallOrder();
    runLargeOrderWithApproval();
    research.run();
  }

  private void printGraph() {
    out.println("== The order workflow, as the compiler checked it (Mermaid) ==");
    out.println(orders.mermaid());
  }

  private void printHistory() {
    List<OrderWorkflowResult> earlier = orders.list(10);
    out.println("== Runs already in the database: " + earlier.size() + " ==");
    for (OrderWorkflowResult run : earlier) {
      out.println("  " + run.runId() + "  " + run.status() + "  " + stepSummary(run));
    }
  }

  OrderWorkflowResult runSmallOrder() {
    out.println("== A small order: reserve -> (charge || ship) -> approval skipped ==");
    OrderWorkflowResult result = orders.start(order(2, 1_500));
    printResult(result);
    return result;
  }

  OrderWorkflowResult runLargeOrderWithApproval() {
    out.println("== A large order: the approval step suspends for a manager ==");
    RunHandle<OrderWorkflowResult> run = orders.startAsync(order(3, 60_000));
    // Every state change as it happens, retries included; the watch ends with the run.
    Watch live = orders.watch(run.runId(), change -> out.println("   . " + change));
    try {
      OrderWorkflowResult suspended = run.await(WAIT);
      printResult(suspended);
      out.println("-- the manager approves; resuming " + run.runId());
      orders.resumeApprove(run.runId(), new Decision(true, "Ann (sales manager)"));
      OrderWorkflowResult done = orders.awaitCompletion(run.runId(), WAIT);
      printResult(done);
      // No close here: the watch may still be delivering the last changes; it ends by itself
      // once it has delivered the run's final one.
      return done;
    } catch (RuntimeException e) {
      live.close(); // the run did not finish in time: stop watching it
      throw e;
    }
  }

  private void printResult(OrderWorkflowResult r) {
    out.println("run " + r.runId() + ": " + r.status());
    out.printf("  reserve  %-9s %s%n", r.reserve().status(), r.reserve().output());
    out.printf(
        "  charge   %-9s %s (attempts: %d)%n",
        r.charge().status(), r.charge().output(), r.charge().attempts());
    out.printf("  ship     %-9s %s%n", r.ship().status(), r.ship().output());
    String approval =
        r.approve().suspendReason() != null
            ? "waiting: " + r.approve().suspendReason()
            : String.valueOf(r.approve().output());
    out.printf("  approve  %-9s %s%n", r.approve().status(), approval);
  }

  private static String stepSummary(OrderWorkflowResult r) {
    return "reserve="
        + r.reserve().status()
        + " charge="
        + r.charge().status()
        + " ship="
        + r.ship().status()
        + " approve="
        + r.approve().status();
  }

  private static OrderRequest order(int quantity, long unitPriceCents) {
    return new OrderRequest(
        "O-" + UUID.randomUUID().toString().substring(0, 8),
        "ada@example.com",
        List.of(new OrderRequest.Item("SKU-42", quantity, unitPriceCents)),
        new Address("Bahnhofstrasse 1", "Zurich", "CH"));
  }
}

package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.Event;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Join;
import dev.stepwise.OnTimeout;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Mastra's events: after {@code submit}, {@code pay} waits for event "approved" (no limit) and
 * {@code escalate} for event "escalated" (one second, then skipped); {@code done} merges them.
 * {@code submit} waits for {@link #gate}, so a test can send events before the run reaches them.
 */
@Workflow(name = "it-event", result = "done")
public class EventFlow {
  /** Opened by default; a test closes it by passing a new one. */
  private final CountDownLatch gate;

  public EventFlow() {
    this(new CountDownLatch(0));
  }

  public EventFlow(CountDownLatch gate) {
    this.gate = gate;
  }

  /** An approval's payload. */
  public record Approval(String by, int amount) {}

  @Step
  String submit(@Input String order) throws InterruptedException {
    if (!gate.await(1, TimeUnit.MINUTES)) {
      throw new IllegalStateException("gate never opened");
    }
    return order;
  }

  @Step
  @After("submit")
  String pay(@From("submit") String order, @Event("approved") Approval approval) {
    return order + " paid " + approval.amount() + " approved by " + approval.by();
  }

  @Step
  @After("submit")
  String escalate(
      @Event(value = "escalated", timeout = "1s", onTimeout = OnTimeout.SKIP) String manager) {
    return "escalated to " + manager;
  }

  @Step
  @After(
      value = {"pay", "escalate"},
      join = Join.ANY)
  String done(@From("pay") Optional<String> paid, @From("escalate") Optional<String> escalated) {
    return paid.orElse("unpaid") + "; " + escalated.orElse("not escalated");
  }
}

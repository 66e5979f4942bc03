package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Previous;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * An agent loop that carries its state: each iteration of {@code think} takes the state the one
 * before returned ({@code @Previous}), "calls a tool" (which answers with the iteration's number),
 * and returns the state with that observation added. {@code answered} stops the loop once the
 * observations add up to the goal's target, and {@code answer} reports the final state. Every
 * execution of {@code think} appends a line to {@code <log>}, a side channel that survives a killed
 * JVM; with {@code blockAt}, that iteration writes {@code <log>.blocked} and blocks forever.
 */
@Workflow(name = "it-agent-loop", result = "answer")
public class AgentLoopFlow {
  /** What the agent works towards: observations adding up to {@code target}. */
  public record Goal(String question, int target) {}

  /** The agent's state after an iteration: what it observed so far, and their sum. */
  public record AgentState(List<Integer> observations, int sum) {
    AgentState observe(int observation) {
      List<Integer> more = new ArrayList<>(observations);
      more.add(observation);
      return new AgentState(List.copyOf(more), sum + observation);
    }
  }

  private final Path log;
  private final int blockAt;

  public AgentLoopFlow(Path log, int blockAt) {
    this.log = log;
    this.blockAt = blockAt;
  }

  @Step(repeatUntil = "answered", maxIterations = 20)
  AgentState think(@Input Goal goal, @Previous Optional<AgentState> before, StepContext ctx)
      throws InterruptedException {
    AgentState state = before.orElseGet(() -> new AgentState(List.of(), 0));
    record(ctx, state);
    if (ctx.iteration() == blockAt) {
      write(Path.of(log + ".blocked"), "pid=" + ProcessHandle.current().pid(), false);
      new CountDownLatch(1).await(); // until the JVM is killed
    }
    return state.observe(tool(ctx.iteration()));
  }

  @Step
  @After("think")
  String answer(@Input Goal goal, @From("think") AgentState state) {
    return goal.question() + ": " + state.sum() + " after " + state.observations().size();
  }

  /** Reads the iteration just finished: the accumulated state, not only the last observation. */
  @Condition
  boolean answered(@Input Goal goal, @From("think") AgentState state) {
    return state.sum() >= goal.target();
  }

  private static int tool(int iteration) {
    return iteration;
  }

  private void record(StepContext ctx, AgentState state) {
    String line =
        "iteration="
            + ctx.iteration()
            + " attempt="
            + ctx.attempt()
            + " sum="
            + state.sum()
            + " pid="
            + ProcessHandle.current().pid()
            + "\n";
    write(log, line, true);
  }

  private static void write(Path file, String text, boolean append) {
    try {
      if (append) {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } else {
        Files.writeString(file, text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

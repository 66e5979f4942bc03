package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.step;

import dev.stepwise.runtime.StepContext;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * one -> two -> three. Every execution appends a line to {@code <dir>/<step>.log}, a side channel
 * that survives a killed JVM. With {@code blockTwo}, step two writes {@code two.started} and blocks
 * forever: the JVM running it is then killed.
 */
public final class KillFlow {
  private final Path dir;
  private final boolean blockTwo;

  public KillFlow(Path dir, boolean blockTwo) {
    this.dir = dir;
    this.blockTwo = blockTwo;
  }

  private void record(String step, StepContext ctx) {
    String line = "attempt=" + ctx.attempt() + " pid=" + ProcessHandle.current().pid() + "\n";
    try {
      Files.writeString(
          dir.resolve(step + ".log"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String one(String in, StepContext ctx) {
    record("one", ctx);
    return in + ">one";
  }

  String two(String one, StepContext ctx) throws Exception {
    record("two", ctx);
    if (blockTwo) {
      Files.writeString(dir.resolve("two.started"), "pid=" + ProcessHandle.current().pid());
      new CountDownLatch(1).await(); // until the JVM is killed
    }
    return one + ">two@" + ctx.attempt();
  }

  String three(String two, StepContext ctx) {
    record("three", ctx);
    return two + ">three";
  }

  /** What the processor would generate. */
  public static final class Definition implements WorkflowDefinition {
    public static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "kill",
            "kill-v1",
            List.of(step("one"), step("two", "one"), step("three", "two")),
            "three",
            "flowchart TD");
    private final KillFlow flow;

    public Definition(KillFlow flow) {
      this.flow = flow;
    }

    @Override
    public WorkflowGraph graph() {
      return GRAPH;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) throws Exception {
      return switch (stepId) {
        case "one" -> flow.one(in.input(String.class), in.context());
        case "two" -> flow.two(in.output("one", String.class), in.context());
        case "three" -> flow.three(in.output("two", String.class), in.context());
        default -> throw new IllegalArgumentException("unknown step " + stepId);
      };
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      throw new IllegalArgumentException("unknown condition " + name);
    }
  }
}

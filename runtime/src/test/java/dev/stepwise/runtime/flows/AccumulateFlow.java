package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.step;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stepwise.Join;
import dev.stepwise.runtime.StepContext;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * gather (a loop, repeatUntil "full", at most 20 iterations) -> total. Each iteration of gather
 * takes the list the iteration before returned ({@code @Previous}) and appends its own number, so
 * the list is the state the loop carries; "full" stops it at 12 elements, and total sums them.
 * Every execution appends {@code iteration=k attempt=a previous=[...] pid=p} to {@code
 * <dir>/gather.log}, a side channel that survives a killed JVM. With {@code blockAt}, that
 * iteration writes {@code gather.started} and blocks forever, for the JVM running it to be killed;
 * with {@code failOnceAt}, that iteration's first attempt throws, and its retry must see the same
 * previous list.
 */
public final class AccumulateFlow {
  public static final int ITERATIONS = 12;
  private static final TypeReference<List<Integer>> LIST = new TypeReference<>() {};

  private final Path dir;
  private final int blockAt;
  private final int failOnceAt;

  public AccumulateFlow(Path dir, int blockAt, int failOnceAt) {
    this.dir = dir;
    this.blockAt = blockAt;
    this.failOnceAt = failOnceAt;
  }

  List<Integer> gather(Optional<List<Integer>> previous, StepContext ctx) throws Exception {
    record(ctx, previous);
    if (ctx.iteration() == blockAt) {
      Files.writeString(dir.resolve("gather.started"), "pid=" + ProcessHandle.current().pid());
      new CountDownLatch(1).await(); // until the JVM is killed
    }
    if (ctx.iteration() == failOnceAt && ctx.attempt() == 1) {
      throw new IllegalStateException("iteration " + failOnceAt + " fails once");
    }
    List<Integer> list = new ArrayList<>(previous.orElse(List.of()));
    list.add(ctx.iteration());
    return list;
  }

  static boolean full(List<Integer> last) {
    return last.size() >= ITERATIONS;
  }

  static int total(List<Integer> all) {
    return all.stream().mapToInt(Integer::intValue).sum();
  }

  private void record(StepContext ctx, Optional<List<Integer>> previous) {
    String line =
        "iteration="
            + ctx.iteration()
            + " attempt="
            + ctx.attempt()
            + " previous="
            + previous.map(Object::toString).orElse("none")
            + " pid="
            + ProcessHandle.current().pid()
            + "\n";
    try {
      Files.writeString(
          dir.resolve("gather.log"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the processor would generate. */
  public static final class Definition implements WorkflowDefinition {
    private static final RetryPolicy TWICE =
        new RetryPolicy(
            2, Duration.ofMillis(10), 1.0, Duration.ofMillis(10), 0, List.of(), List.of());

    public static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "accumulate",
            "accumulate-v1",
            List.of(
                new StepSpec("gather", List.of(), Join.ALL, TWICE, null, null, false)
                    .withLoop("full", true, 20),
                step("total", "gather")),
            "total",
            "flowchart TD");
    private final AccumulateFlow flow;

    public Definition(AccumulateFlow flow) {
      this.flow = flow;
    }

    @Override
    public WorkflowGraph graph() {
      return GRAPH;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) throws Exception {
      return switch (stepId) {
        case "gather" -> flow.gather(in.previous(LIST), in.context());
        case "total" -> total(in.output("gather", LIST));
        default -> throw new IllegalArgumentException("unknown step " + stepId);
      };
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      if (name.equals("full")) {
        return full(in.output("gather", LIST)); // the iteration that just finished
      }
      throw new IllegalArgumentException("unknown condition " + name);
    }
  }
}

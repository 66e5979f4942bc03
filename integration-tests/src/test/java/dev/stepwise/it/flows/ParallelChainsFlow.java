package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Mastra's parallel chains: two roots each start a chain of two steps, and a join waits for both
 * chains: (a1 -> a2) || (b1 -> b2) -> joined.
 */
@Workflow(name = "it-parallel-chains")
public class ParallelChainsFlow {
  /** The step ids in the order they executed. */
  public final List<String> executed = new CopyOnWriteArrayList<>();

  @Step
  int a1(@Input Integer n) {
    executed.add("a1");
    return n + 1;
  }

  @Step
  @After("a1")
  int a2(@From("a1") int a1) {
    executed.add("a2");
    return a1 * 10;
  }

  @Step
  int b1(@Input Integer n) {
    executed.add("b1");
    return n + 2;
  }

  @Step
  @After("b1")
  int b2(@From("b1") int b1) {
    executed.add("b2");
    return b1 * 100;
  }

  @Step
  @After({"a2", "b2"})
  String joined(@From("a2") int a2, @From("b2") int b2) {
    executed.add("joined");
    return a2 + "+" + b2;
  }
}

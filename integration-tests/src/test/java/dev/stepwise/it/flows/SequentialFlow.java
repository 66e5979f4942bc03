package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Mastra's "sequential steps": first -> second -> third, each reading its predecessor. */
@Workflow(name = "it-sequential")
public class SequentialFlow {
  /** The step ids in the order they executed. */
  public final List<String> executed = new CopyOnWriteArrayList<>();

  @Step
  String first(@Input String input) {
    executed.add("first");
    return input + ">first";
  }

  @Step
  @After("first")
  String second(@From("first") String first) {
    executed.add("second");
    return first + ">second";
  }

  @Step
  @After("second")
  String third(@From("second") String second, @Input String input) {
    executed.add("third");
    return second + ">third(" + input + ")";
  }
}

package dev.stepwise.bench.stepwise;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Item;
import dev.stepwise.Parallel;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.bench.ParallelWork;
import dev.stepwise.bench.Work;
import java.util.List;

/**
 * Dynamic fan-out, for (p): {@code list} produces as many elements as the input asks for, {@code
 * each} runs once per element ({@code @Parallel}), {@code join} reads the list of their results.
 * Over ten elements it does the work of {@link FanOutWorkflow}: the same strings, the same output.
 * At most {@link Work#BRANCHES} elements run at once, so over ten all are ready together, as the
 * ten static branches of (c) are, and over more each finished element starts the next.
 */
@Workflow(name = "bench-parallel")
public class ParallelWorkflow {

  @Step
  List<String> list(@Input ParallelInput input) {
    return ParallelWork.elements(input.id(), input.size());
  }

  @Step
  @After("list")
  @Parallel(over = "list", maxConcurrency = Work.BRANCHES)
  String each(@Item String element) {
    return ParallelWork.each(element);
  }

  @Step
  @After("each")
  String join(@From("each") List<String> results) {
    return Work.join(results);
  }
}

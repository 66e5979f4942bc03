package com.acme;

import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Resume;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Generic input and resume payload, primitive and array outputs, a Boolean condition. */
@Workflow(name = "generic-types")
public class GenericTypes {
  @Step
  int count(@Input List<String> names) {
    return names.size();
  }

  @Step
  @After("count")
  String[] split(@Input List<String> names, @From("count") int count) {
    return names.subList(0, count).toArray(new String[0]);
  }

  @Step(unless = "isEmpty")
  @After("split")
  Map<String, Integer> review(
      @From("split") String[] names,
      @Resume Optional<Map<String, Integer>> scores,
      StepContext ctx) {
    return scores.orElseGet(() -> ctx.suspend("score " + names.length + " names"));
  }

  @Step
  @After("review")
  boolean done(@From("review") Optional<Map<String, Integer>> scores) {
    return scores.isPresent();
  }

  @Condition
  Boolean isEmpty(@Input List<String> names, @From("count") Integer count) {
    return names.isEmpty() || count == 0;
  }
}

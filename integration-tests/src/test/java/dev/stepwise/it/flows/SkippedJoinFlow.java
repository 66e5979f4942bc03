package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Join;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.Optional;

/**
 * A join over a skipped step: {@code maybe} is skipped unless the input is true. {@code strict}
 * (join ALL) is then skipped too, and so is {@code afterStrict} (the skip propagates); {@code
 * lenient} (join ANY) runs with {@code always}'s output alone.
 */
@Workflow(name = "it-skipped-join")
public class SkippedJoinFlow {

  @Step
  String always() {
    return "always";
  }

  @Step(when = "enabled")
  String maybe() {
    return "maybe";
  }

  @Step
  @After({"always", "maybe"})
  String strict(@From("always") String always, @From("maybe") Optional<String> maybe) {
    return always + "+" + maybe.orElse("-");
  }

  @Step
  @After("strict")
  String afterStrict(@From("strict") Optional<String> strict) {
    return "after " + strict.orElse("-");
  }

  @Step
  @After(
      value = {"always", "maybe"},
      join = Join.ANY)
  String lenient(@From("always") String always, @From("maybe") Optional<String> maybe) {
    return always + "+" + maybe.orElse("-");
  }

  @Condition
  boolean enabled(@Input Boolean enabled) {
    return enabled;
  }
}

package dev.stepwise.bench.stepwise;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.bench.Work;
import java.util.List;

/**
 * One step, ten branches after it, a join after them, for (c). Written with ten static steps, as it
 * was before the DSL had a dynamic fan-out; {@link ParallelWorkflow} is the same work with
 * {@code @Parallel}, for (p).
 */
@Workflow(name = "bench-fanout")
public class FanOutWorkflow {

  @Step
  String a(@Input String input) {
    return Work.one(input);
  }

  @Step
  @After("a")
  String b0(@From("a") String a) {
    return Work.branch(a, 0);
  }

  @Step
  @After("a")
  String b1(@From("a") String a) {
    return Work.branch(a, 1);
  }

  @Step
  @After("a")
  String b2(@From("a") String a) {
    return Work.branch(a, 2);
  }

  @Step
  @After("a")
  String b3(@From("a") String a) {
    return Work.branch(a, 3);
  }

  @Step
  @After("a")
  String b4(@From("a") String a) {
    return Work.branch(a, 4);
  }

  @Step
  @After("a")
  String b5(@From("a") String a) {
    return Work.branch(a, 5);
  }

  @Step
  @After("a")
  String b6(@From("a") String a) {
    return Work.branch(a, 6);
  }

  @Step
  @After("a")
  String b7(@From("a") String a) {
    return Work.branch(a, 7);
  }

  @Step
  @After("a")
  String b8(@From("a") String a) {
    return Work.branch(a, 8);
  }

  @Step
  @After("a")
  String b9(@From("a") String a) {
    return Work.branch(a, 9);
  }

  @Step
  @After({"b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9"})
  String join(
      @From("b0") String b0,
      @From("b1") String b1,
      @From("b2") String b2,
      @From("b3") String b3,
      @From("b4") String b4,
      @From("b5") String b5,
      @From("b6") String b6,
      @From("b7") String b7,
      @From("b8") String b8,
      @From("b9") String b9) {
    return Work.join(List.of(b0, b1, b2, b3, b4, b5, b6, b7, b8, b9));
  }
}

package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Item;
import dev.stepwise.Parallel;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A fan-out of any width without a limit: {@code numbers} lists 0 to n - 1, {@code label} is a
 * second upstream step that every element takes with {@code @From}, {@code each} runs once per
 * number, {@code total} reads the list of results. Numbers in {@link #failing} fail (no retry)
 * until removed; element executions wait for {@link #gate} if it is set.
 */
@Workflow(name = "it-wide-fan-out")
public class WideFanOutFlow {
  public final Set<Integer> failing = ConcurrentHashMap.newKeySet();
  public volatile CountDownLatch gate;
  public final CountDownLatch firstElementRunning = new CountDownLatch(1);

  @Step
  List<Integer> numbers(@Input Integer n) {
    List<Integer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  @Step
  String label() {
    return "n";
  }

  @Step
  @After({"numbers", "label"})
  @Parallel(over = "numbers")
  String each(@Item Integer x, @From("label") String label) throws InterruptedException {
    firstElementRunning.countDown();
    CountDownLatch g = gate;
    if (g != null) {
      g.await();
    }
    if (failing.contains(x)) {
      throw new IllegalStateException("element " + x + " fails");
    }
    return label + x;
  }

  @Step
  @After("each")
  Integer total(@From("each") List<String> results) {
    for (int i = 0; i < results.size(); i++) {
      if (!results.get(i).equals("n" + i)) {
        throw new IllegalStateException("result " + i + " is " + results.get(i));
      }
    }
    return results.size();
  }
}

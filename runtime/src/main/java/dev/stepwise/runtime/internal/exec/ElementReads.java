package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.progress.FanOutList;
import dev.stepwise.runtime.internal.store.FanOutRows;
import dev.stepwise.runtime.spi.StepSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * What an execution of a fan-out element reads: its own element (carried by its row, and read with
 * its claim), and, on demand and by primary key, the output of each upstream step it takes. Its
 * claim read no outputs (the Dispatcher counts elements as roots), because the run's succeeded
 * steps include every finished element of the fan-out: read for every element, they made a
 * fan-out's cost grow with the square of its size.
 */
final class ElementReads {
  private ElementReads() {}

  /**
   * The JSON of the element {@code task} (a row {@code step[i]} of {@code spec}) runs on: as its
   * claim (or the commit that leased it) read it from its row. A row written before rows carried
   * their element (V16) has none: its element is taken from the list.
   */
  static String item(DSLContext dsl, StepSpec spec, Task task) {
    if (task.item() != null) {
      return task.item();
    }
    String list =
        FanOutRows.succeededOutput(dsl, task.runId(), spec.options().parallelOver()).orElse(null);
    return FanOutList.element(list, spec.id(), Ids.indexOf(task.stepId()));
  }

  /**
   * The outputs of upstream steps of {@code task}'s run: from its snapshot where it has them, else
   * read once each.
   */
  static Function<String, String> upstream(DSLContext dsl, Task task) {
    Map<String, String> known = new HashMap<>(task.snapshot().outputs());
    return stepId -> {
      if (!known.containsKey(stepId)) {
        known.put(stepId, FanOutRows.succeededOutput(dsl, task.runId(), stepId).orElse(null));
      }
      return known.get(stepId);
    };
  }
}

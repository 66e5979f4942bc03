package dev.stepwise.runtime;

import java.util.List;

/**
 * A page of runs, newest first.
 *
 * @param next the cursor of the next page ({@link RunQuery#after(String)}), or null on the last
 */
public record RunPage(List<RunSummary> runs, String next) {
  public RunPage {
    runs = List.copyOf(runs);
  }
}

package dev.stepwise.bench.dbos;

/** The benchmark's workflows as DBOS sees them: an interface DBOS proxies. */
public interface BenchWorkflows {
  /** Three steps, one after the other. */
  String sequential(String input);

  /** One step, ten branches (child workflows), then a join step. */
  String fanOut(String input);

  /** One branch of {@link #fanOut}: a child workflow with one step. */
  String branch(String a, int i);

  /** One step, then waits for a decision message, then one step with it. */
  String approval(String input);

  /** One step that holds its queue slot a few milliseconds ({@code QueueProbe.step}); for (q). */
  String queued(String input);
}

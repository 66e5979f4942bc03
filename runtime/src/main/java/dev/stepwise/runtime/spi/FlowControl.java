package dev.stepwise.runtime.spi;

/**
 * How many runs of a workflow may execute at once ({@code @Workflow(maxParallelism,
 * maxParallelismPerKey, concurrencyKey)}). A run beyond a limit waits as {@code QUEUED} until a
 * running one finishes; 0 means no limit.
 *
 * @param concurrencyKeyPath the input path of the run's concurrency key, or null for none
 * @param maxParallelism the most runs executing at once, over all nodes
 * @param maxParallelismPerKey the most runs executing at once per key value
 */
public record FlowControl(String concurrencyKeyPath, int maxParallelism, int maxParallelismPerKey) {

  /** No limit and no key. */
  public static final FlowControl NONE = new FlowControl(null, 0, 0);

  public FlowControl {
    if (maxParallelism < 0 || maxParallelismPerKey < 0) {
      throw new IllegalArgumentException(
          "maxParallelism and maxParallelismPerKey must not be negative, were "
              + maxParallelism
              + " and "
              + maxParallelismPerKey);
    }
    if (maxParallelismPerKey > 0 && concurrencyKeyPath == null) {
      throw new IllegalArgumentException("maxParallelismPerKey needs a concurrency key path");
    }
  }

  /** True if runs wait for a slot before their first step. */
  public boolean limitsRuns() {
    return maxParallelism > 0 || maxParallelismPerKey > 0;
  }
}

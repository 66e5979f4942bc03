package dev.stepwise.processor.model;

import java.util.List;

/**
 * A workflow's flow control: its default queue, concurrency key, run limits and schedules.
 *
 * @param queue the default queue of its steps ({@code @Workflow(queue)}), or null
 * @param concurrencyKey the input path of {@code @Workflow(concurrencyKey)}, or null for none
 * @param maxParallelism the most runs at once; 0 for no limit
 * @param maxParallelismPerKey the most runs at once per key value; 0 for no limit
 * @param schedules its {@code @Schedule}s in declaration order
 * @param retentionMillis how long its finished runs are kept ({@code @Workflow(retention)}); 0 for
 *     the engine's default
 */
public record FlowModel(
    QueueModel queue,
    Ref concurrencyKey,
    int maxParallelism,
    int maxParallelismPerKey,
    List<ScheduleModel> schedules,
    long retentionMillis) {

  /** Whether the definition overrides {@code flowControl()}: a key or a run limit is declared. */
  public boolean controlsRuns() {
    return concurrencyKey != null || maxParallelism > 0 || maxParallelismPerKey > 0;
  }
}

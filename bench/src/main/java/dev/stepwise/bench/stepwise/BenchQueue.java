package dev.stepwise.bench.stepwise;

import dev.stepwise.Queue;
import dev.stepwise.bench.QueueProbe;

/** The queue of workload (q): at most {@link QueueProbe#CONCURRENCY} steps at once. */
@Queue(name = "bench", concurrency = QueueProbe.CONCURRENCY)
public interface BenchQueue {}

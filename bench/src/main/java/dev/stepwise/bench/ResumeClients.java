package dev.stepwise.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The callers of (d)'s resumes, the same for every contestant: {@link #THREADS} client threads
 * resume the suspended workflows at once. With one caller looping, an engine whose resume is one
 * synchronous commit is bound by that commit's latency (about a millisecond here), while the floor
 * resumed from its 16 threads; this measured the harness, not the engines.
 */
public final class ResumeClients {
  /** Client threads resuming at once: the floor's own thread count. */
  public static final int THREADS = Bench.FLOOR_THREADS;

  private ResumeClients() {}

  /**
   * Calls {@code resume} for every id from {@link #THREADS} threads and waits for all; the results
   * in the ids' order. The first failure is thrown once all have returned.
   */
  public static <T> List<T> each(List<String> ids, Function<String, T> resume) {
    ExecutorService clients = Executors.newFixedThreadPool(THREADS);
    try {
      List<CompletableFuture<T>> futures = new ArrayList<>(ids.size());
      for (String id : ids) {
        futures.add(CompletableFuture.supplyAsync(() -> resume.apply(id), clients));
      }
      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
          .exceptionally(t -> null)
          .join();
      return futures.stream().map(CompletableFuture::join).toList();
    } finally {
      clients.shutdownNow();
    }
  }
}

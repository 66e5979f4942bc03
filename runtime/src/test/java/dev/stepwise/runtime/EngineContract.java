package dev.stepwise.runtime;

import dev.stepwise.testing.StepwiseDatabase;
import dev.stepwise.testing.TestSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract of the engine's behaviour shares: each contract is proven once per database
 * by one-line subclasses that name it with {@link StepwiseDatabase}. Every test runs in a fresh
 * schema with a random name that is dropped afterwards, and its engines are closed after it.
 */
abstract class EngineContract {
  static final Duration WAIT = Duration.ofSeconds(30);

  protected TestSchema database;
  protected String schema;
  private final List<Stepwise> engines = new ArrayList<>();
  private final List<CountDownLatch> toRelease = new ArrayList<>();

  @BeforeEach
  void useSchema(TestSchema testSchema) {
    database = testSchema;
    schema = testSchema.name();
  }

  /** Closes the test's engines; the extension then drops the schema. */
  @AfterEach
  void closeEngines() {
    toRelease.forEach(CountDownLatch::countDown);
    for (int i = engines.size() - 1; i >= 0; i--) {
      engines.get(i).close();
    }
  }

  /** The database under test; shared by the engines of one test. */
  protected DataSource dataSource() {
    return database.dataSource();
  }

  /** An engine on this test's schema; closed after the test. */
  protected Stepwise engine(Consumer<Stepwise.Builder> settings) {
    Stepwise.Builder b =
        Stepwise.builder()
            .dataSource(dataSource())
            .schema(schema)
            .workers(4)
            .pollInterval(Duration.ofMillis(100))
            .shutdownTimeout(Duration.ofSeconds(2));
    settings.accept(b);
    Stepwise e = b.build();
    engines.add(e);
    return e;
  }

  protected Stepwise engine() {
    return engine(b -> {});
  }

  protected <T extends CountDownLatch> T releasedAfter(T latch) {
    toRelease.add(latch);
    return latch;
  }

  /** Runs {@code n} calls at once (released together) and returns their results. */
  protected static List<Object> concurrently(int n, IndexedCall call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<Object> task =
            () -> {
              go.await();
              return call.call(index);
            };
        futures.add(pool.submit(task));
      }
      go.countDown();
      List<Object> results = new ArrayList<>();
      for (Future<Object> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A call made by {@link #concurrently}. */
  @FunctionalInterface
  protected interface IndexedCall {
    Object call(int index) throws Exception;
  }

  protected static List<String> statuses(RunStatus s) {
    return s.steps().stream().map(st -> st.stepId() + "=" + st.status()).toList();
  }
}

package dev.stepwise.test;

import dev.stepwise.runtime.RunHandle;
import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.Workload;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An engine for unit tests of workflows: a fresh in-memory H2 database for each test, a {@link
 * TestClock} that skips ahead through timers, retry delays, event deadlines and schedules, and
 * waits that skip time until a run is done.
 *
 * <pre>{@code
 * @RegisterExtension final StepwiseTestEngine stepwise = new StepwiseTestEngine();
 *
 * @Test
 * void chargesAfterTheCardIsRetried() {
 *   var orders = new OrderWorkflowRunner(stepwise.engine(), new OrderWorkflow(fakePayments));
 *   var result = stepwise.awaitCompletion(orders.startAsync(order));
 *   assertThat(result.run()).step("charge").succeededAfterAttempts(3);
 * }
 * }</pre>
 *
 * <p>Time is locked while a step runs: the waits here jump the clock only when no step is executing
 * and none is ready to, so a step sees time pass as it would in production. To reach the deadline
 * ({@code @Step(timeout)}) of a step that hangs, jump the clock itself once the step started:
 * {@code clock().advance(timeout)}; the engine counts the jump towards the deadline.
 *
 * <p>As a JUnit 5 extension ({@code @RegisterExtension}) it opens before each test and closes after
 * it; outside JUnit, {@link #open()} and {@link #close()} it yourself.
 */
public final class StepwiseTestEngine
    implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
  /** How long, in real time, a wait of this class lets the engine work before it fails. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final Consumer<Stepwise.Builder> settings;
  private final Duration timeout;
  private TestClock clock;
  private Stepwise engine;
  private String url;

  /** An engine with the default settings. */
  public StepwiseTestEngine() {
    this(builder -> {}, DEFAULT_TIMEOUT);
  }

  /**
   * An engine with settings of the test's own (workers, queue limits, retention ...); the database
   * and the clock are the test engine's, and a {@code dataSource}, {@code jdbcUrl}, {@code
   * embedded} or {@code clock} set here is replaced.
   *
   * @param timeout how long, in real time, each wait lets the engine work before it fails
   */
  public StepwiseTestEngine(Consumer<Stepwise.Builder> settings, Duration timeout) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Creates a fresh in-memory database and starts an engine on it with a new test clock. Workflows
   * may be registered (runners constructed) before or after this returns.
   */
  public synchronized StepwiseTestEngine open() {
    if (engine != null) {
      throw new IllegalStateException("this test engine is open already");
    }
    clock = new TestClock();
    url =
        "jdbc:h2:mem:stepwise-test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    Stepwise.Builder builder = Stepwise.builder();
    settings.accept(builder);
    // A DataSource would win over the url, and the url over an embedded directory: clear it.
    builder.dataSource(null).jdbcUrl(url, "sa", "").clock(clock);
    try {
      engine = builder.build();
      engine.start();
    } catch (RuntimeException | Error e) {
      if (engine != null) {
        engine.close();
        engine = null;
      }
      dropDatabase();
      throw e;
    }
    return this;
  }

  /** Stops the engine and drops its database. */
  @Override
  public synchronized void close() {
    if (engine == null) {
      return;
    }
    try {
      engine.close();
    } finally {
      engine = null;
      dropDatabase();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    open();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  /** The engine, for the generated runners: {@code new OrderWorkflowRunner(engine(), workflow)}. */
  public Stepwise engine() {
    if (engine == null) {
      throw new IllegalStateException(
          "the test engine is not open: register it with @RegisterExtension, or call open()");
    }
    return engine;
  }

  /** The engine's database, for the application's own tables. */
  public DataSource dataSource() {
    return engine().dataSource();
  }

  /** The engine's virtual clock. */
  public TestClock clock() {
    engine();
    return clock;
  }

  /** Now, by the engine's clock. */
  public Instant now() {
    return clock().instant();
  }

  /**
   * Moves the clock {@code by} ahead, running on the way, in order, everything that falls due: each
   * retry, timer, event deadline and schedule tick is reached by a jump to its due time, after the
   * engine finished what the one before led to. Returns once the engine is idle at the end.
   */
  public void advance(Duration by) {
    Instant target = now().plus(by);
    Bound bound = new Bound(timeout);
    awaitIdle(bound);
    for (Optional<Instant> next = nextDue(); next.isPresent(); next = nextDue()) {
      if (next.get().isAfter(target)) {
        break;
      }
      clock.advanceTo(next.get());
      awaitIdle(bound);
    }
    clock.advanceTo(target);
    awaitIdle(bound);
  }

  /** Waits, without moving the clock, until no step is running or ready to run. */
  public void awaitIdle() {
    awaitIdle(new Bound(timeout));
  }

  /**
   * Waits until {@code run} is finished (succeeded, failed or cancelled), skipping time whenever
   * the engine is idle. Fails if the run cannot finish by itself (it waits for a resume or an event
   * that nobody sends, and nothing else is due) or if it takes longer than the timeout, in real
   * time.
   */
  public <R> R awaitCompletion(RunHandle<R> run) {
    skipUntil(run, RunStatus::isFinished, true);
    return run.awaitCompletion(timeout);
  }

  /**
   * Waits until {@code run} is finished or needs someone: suspended, or waiting for an event
   * without a deadline, with nothing else due. Skips time whenever the engine is idle. Then resume
   * it, or send its event, and wait again.
   */
  public <R> R awaitSettled(RunHandle<R> run) {
    skipUntil(run, s -> s.isFinished() || s.status() == Status.SUSPENDED, false);
    return run.await(timeout);
  }

  /** What the engine's steps have to do now: running, ready, and what falls due next. */
  public Workload workload() {
    return engine().workload();
  }

  private RunStatus skipUntil(RunHandle<?> run, Predicate<RunStatus> done, boolean mustFinish) {
    Bound bound = new Bound(timeout);
    while (true) {
      RunStatus status = run.status();
      if (done.test(status)) {
        return status;
      }
      awaitIdle(bound);
      status = run.status();
      if (done.test(status)) {
        return status;
      }
      Optional<Instant> next = nextDue();
      if (next.isEmpty()) {
        next = nextDueAfterAPause(bound);
      }
      if (next.isEmpty()) {
        if (!mustFinish) {
          return status;
        }
        throw new AssertionError(
            "Run "
                + run.runId()
                + " cannot finish by itself: nothing is running and nothing falls due; it is "
                + Describe.run(run.status()));
      }
      clock.advanceTo(next.get());
    }
  }

  /**
   * Nothing falls due: before concluding that nothing ever will, let the engine look once more. A
   * run waiting for a slot of its workflow's {@code maxParallelism} is admitted by the dispatcher
   * shortly after another run freed it, and is not counted as ready until then.
   */
  private Optional<Instant> nextDueAfterAPause(Bound bound) {
    bound.pause(Duration.ofMillis(200));
    awaitIdle(bound);
    return nextDue();
  }

  private Optional<Instant> nextDue() {
    return engine().workload().nextDueTime();
  }

  private void awaitIdle(Bound bound) {
    Workload w = engine().workload();
    while (!w.isIdle()) {
      if (bound.expired()) {
        throw new AssertionError(
            "The engine was still busy after "
                + timeout
                + " ("
                + w.running()
                + " step(s) running, "
                + w.ready()
                + " ready): a step that blocks keeps the test clock from moving, and a queue's"
                + " rate limit is waited out in real time");
      }
      bound.pause(Duration.ofMillis(2));
      w = engine().workload();
    }
  }

  /** The database's JDBC url, for the kit's own test that it is dropped. */
  String url() {
    return url;
  }

  private void dropDatabase() {
    // DB_CLOSE_DELAY=-1 kept the database while the pool's connections came and went; it lives
    // until SHUTDOWN, so a test's data never outlives it.
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop the test database " + url, e);
    }
  }
}

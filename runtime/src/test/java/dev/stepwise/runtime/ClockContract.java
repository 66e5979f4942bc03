package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.flows.BlockingFlow;
import dev.stepwise.runtime.flows.HangingFlow;
import dev.stepwise.runtime.flows.LaterFlow;
import dev.stepwise.runtime.spi.ClockJumps;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.Await;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The engine's clock ({@code Stepwise.builder().clock}): every due time is taken from it, a clock
 * that jumps wakes the engine at once (the poll interval here is an hour, so nothing else could),
 * and {@link Stepwise#workload()} says what is running, ready and due next by it.
 */
abstract class ClockContract extends EngineContract {
  private final JumpingClock clock = new JumpingClock();

  private Stepwise engineOnTheClock() {
    return engine(b -> b.clock(clock).pollInterval(Duration.ofHours(1)));
  }

  @Test
  void aTimerFiresAsSoonAsTheClockJumpsPastItsDueTime() {
    Stepwise engine = engineOnTheClock();
    WorkflowClient client = engine.register(new LaterFlow.Definition(new LaterFlow()));
    engine.start();
    Instant started = clock.instant();

    String run = client.start(false, StartOptions.defaults());
    assertThat(client.awaitSettled(run, WAIT).status()).isEqualTo(Status.WAITING);
    Workload waiting = engine.workload();
    assertThat(waiting.isIdle()).isTrue();
    assertThat(waiting.nextDue()).isAfterOrEqualTo(started.plus(LaterFlow.HOUR));

    clock.jump(LaterFlow.HOUR);
    RunStatus done = client.awaitCompletion(run, WAIT);

    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.stepResult(done, "later", String.class).output()).isEqualTo("tried 1, later");
    assertThat(engine.workload()).isEqualTo(new Workload(0, 0, null));
  }

  @Test
  void aRetryFallsDueAsSoonAsTheClockJumpsPastIt() {
    Stepwise engine = engineOnTheClock();
    LaterFlow flow = new LaterFlow();
    WorkflowClient client = engine.register(new LaterFlow.Definition(flow));
    engine.start();

    String run = client.start(true, StartOptions.defaults());
    Workload backingOff = awaitIdle(engine);
    assertThat(flow.tryCalls.get()).isEqualTo(1);
    assertThat(backingOff.nextDue()).isAfter(clock.instant().plus(Duration.ofMinutes(59)));

    clock.jump(LaterFlow.HOUR); // the retry
    awaitIdle(engine);
    assertThat(flow.tryCalls.get()).isEqualTo(2);
    clock.jump(LaterFlow.HOUR); // the timer
    RunStatus done = client.awaitCompletion(run, WAIT);

    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(done.step("try").orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void storedTimesAreTheEnginesClocks() {
    clock.jump(Duration.ofDays(10));
    Stepwise engine = engineOnTheClock();
    WorkflowClient client = engine.register(new LaterFlow.Definition(new LaterFlow()));
    engine.start();

    RunStatus s = client.awaitSettled(client.start(false, StartOptions.defaults()), WAIT);

    assertThat(s.createdAt()).isAfter(Instant.now().plus(Duration.ofDays(9)));
  }

  @Test
  void aStepBeingExecutedCountsAsRunning() throws Exception {
    Stepwise engine = engineOnTheClock();
    BlockingFlow flow = new BlockingFlow();
    WorkflowClient client = engine.register(new BlockingFlow.Definition(flow));
    engine.start();
    String run = client.start("x", StartOptions.defaults());
    assertThat(flow.slowStarted.await(30, TimeUnit.SECONDS)).isTrue();

    assertThat(engine.workload().running()).isEqualTo(1);
    assertThat(engine.workload().isIdle()).isFalse();

    releasedAfter(flow.release).countDown();
    RunStatus done = client.awaitCompletion(run, WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.slowCalls.get()).isEqualTo(1);
  }

  @Test
  void aStepRunningAcrossAJumpKeepsItsLeaseAndRunsOnce() throws Exception {
    // A short lease, swept every 150ms: without a heartbeat on the jump, the next sweep would find
    // the running step's lease an hour expired and queue it again.
    Stepwise engine = engine(b -> b.clock(clock).lease(Duration.ofMillis(300)));
    BlockingFlow flow = new BlockingFlow();
    WorkflowClient client = engine.register(new BlockingFlow.Definition(flow));
    engine.start();
    String run = client.start("x", StartOptions.defaults());
    assertThat(flow.slowStarted.await(30, TimeUnit.SECONDS)).isTrue();

    clock.jump(LaterFlow.HOUR);
    // Extended before the jump returned: no sweep after it can find the lease expired.
    assertThat(leaseUntil(run, "slow")).isAfter(clock.instant());
    releasedAfter(flow.release).countDown();

    RunStatus done = client.awaitCompletion(run, WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.slowCalls.get()).isEqualTo(1);
    assertThat(done.step("slow").orElseThrow().attempts()).isEqualTo(1);
  }

  @Test
  void aStepDeadlineIsReachedByAJump() throws Exception {
    Stepwise engine = engineOnTheClock();
    HangingFlow flow = new HangingFlow();
    WorkflowClient client = engine.register(new HangingFlow.Definition(flow));
    engine.start();
    String run = client.start("x", StartOptions.defaults());
    assertThat(flow.started.await(30, TimeUnit.SECONDS)).isTrue();

    clock.jump(HangingFlow.TIMEOUT);
    RunStatus failed = client.awaitCompletion(run, WAIT);

    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.error().type()).isEqualTo(StepTimeoutException.class.getName());
    assertThat(flow.interrupted.await(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void theDataSourceIsTheEnginesDatabase() {
    Stepwise engine = engine();
    assertThat(engine.dataSource()).isSameAs(dataSource());
  }

  @Test
  void theEngineStopsListeningToTheClockWhenItCloses() {
    Stepwise engine = engineOnTheClock();
    engine.start();
    assertThat(clock.listeners).hasSize(1);
    engine.close();
    assertThat(clock.listeners).isEmpty();
  }

  private Instant leaseUntil(String runId, String stepId) throws SQLException {
    try (Connection c = dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT lease_until FROM "
                    + schema
                    + ".sw_steps WHERE run_id = ? AND step_id = ?")) {
      s.setString(1, runId);
      s.setString(2, stepId);
      try (ResultSet r = s.executeQuery()) {
        assertThat(r.next()).isTrue();
        return r.getObject(1, OffsetDateTime.class).toInstant();
      }
    }
  }

  private static Workload awaitIdle(Stepwise engine) {
    AtomicReference<Workload> last = new AtomicReference<>();
    Await.until(
        "the engine to be idle",
        WAIT,
        () -> {
          last.set(engine.workload());
          return last.get().isIdle();
        });
    return last.get();
  }

  /** A clock ahead of the system's by what it was told to jump; tells its listeners. */
  static final class JumpingClock extends Clock implements ClockJumps {
    final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Duration ahead = Duration.ZERO;

    void jump(Duration by) {
      ahead = ahead.plus(by);
      listeners.forEach(Runnable::run);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void addJumpListener(Runnable listener) {
      listeners.add(listener);
    }

    @Override
    public void removeJumpListener(Runnable listener) {
      listeners.remove(listener);
    }
  }
}

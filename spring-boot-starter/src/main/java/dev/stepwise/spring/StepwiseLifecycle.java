package dev.stepwise.spring;

import dev.stepwise.runtime.Stepwise;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the engine's workers once every singleton (every runner among them) exists, and stops the
 * engine gracefully when the context closes: it stops taking work and lets running steps finish,
 * for up to {@code stepwise.shutdown-timeout}. A stopped engine cannot start again, so a context
 * that is stopped and restarted keeps it stopped.
 */
final class StepwiseLifecycle implements SmartLifecycle {
  /**
   * Before the web server starts (and after it stops): requests are served by a started engine, and
   * graceful shutdown of the server finishes before the engine stops.
   */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private final Stepwise engine;
  private final boolean autoStart;
  private volatile boolean running;

  StepwiseLifecycle(Stepwise engine, boolean autoStart) {
    this.engine = engine;
    this.autoStart = autoStart;
  }

  @Override
  public synchronized void start() {
    engine.start();
    running = true;
  }

  @Override
  public synchronized void stop() {
    if (running) {
      running = false;
      engine.close();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public boolean isAutoStartup() {
    return autoStart;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}

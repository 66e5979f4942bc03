package dev.stepwise.runtime;

import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import javax.sql.DataSource;

/**
 * The engine: stores runs in a database and executes their steps on worker threads.
 *
 * <p>SKELETON: the engine implementation replaces these bodies.
 */
public final class Stepwise implements AutoCloseable {

  /** An engine on an H2 file database under {@code ./stepwise-data}. */
  public static Stepwise embedded() {
    throw new UnsupportedOperationException("engine not implemented yet");
  }

  /** A builder, for PostgreSQL ({@code dataSource}) or other settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** Registers a workflow; the generated runner calls this in its constructor. */
  public WorkflowClient register(WorkflowDefinition definition) {
    throw new UnsupportedOperationException("engine not implemented yet");
  }

  /** Starts the worker threads; runs started before are picked up. */
  public void start() {
    throw new UnsupportedOperationException("engine not implemented yet");
  }

  @Override
  public void close() {}

  /** Settings for an engine. */
  public static final class Builder {
    private DataSource dataSource;

    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    public Stepwise build() {
      throw new UnsupportedOperationException("engine not implemented yet: " + dataSource);
    }
  }
}

package dev.stepwise.http;

import io.javalin.Javalin;

/** A running HTTP API; closing it stops the server, not the engine. */
public final class StepwiseServer implements AutoCloseable {
  private final Javalin app;

  StepwiseServer(Javalin app) {
    this.app = app;
  }

  /** The port it listens on (the chosen one when the options asked for port 0). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}

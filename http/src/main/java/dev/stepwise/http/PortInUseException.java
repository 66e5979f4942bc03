package dev.stepwise.http;

/** The server could not listen: another process holds the port. */
public final class PortInUseException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  PortInUseException(String host, int port, Throwable cause) {
    super("port " + port + " on " + host + " is in use by another process", cause);
  }
}
